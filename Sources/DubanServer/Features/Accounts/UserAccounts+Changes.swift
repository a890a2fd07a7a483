import Fluent
import Foundation

/// Changes to existing accounts: passwords, disabling, signing out everywhere.
extension UserAccounts {
    /// Sets a new password chosen by an administrator (or on the command line) and signs the user out
    /// everywhere, since whoever knew the old password may still hold a session.
    func resetPassword(of user: User, to password: String) async throws {
        try UserRules.checkPassword(password, username: user.username)
        let hash = try await hasher.hash(password)
        try await change(user, summary: "重置账号 \(user.username) 的密码，并使其在所有设备上退出登录") { user in
            user.passwordHash = hash
            user.sessionEpoch += 1
        }
    }

    /// Disables or re-enables an account. A disabled account's sessions stop working on their next request;
    /// nobody may disable the account they are using.
    func setDisabled(_ disabled: Bool, _ user: User, actingUserID: UUID?) async throws {
        if disabled, try user.requireID() == actingUserID { throw AccountError.cannotDisableSelf }
        guard user.isDisabled != disabled else { return }
        let verb = disabled ? "停用" : "启用"
        try await change(user, summary: "\(verb)账号 \(user.username)") { $0.isDisabled = disabled }
    }

    /// Ends every session of the user, on every device, at their next request.
    func signOutEverywhere(_ user: User) async throws {
        try await change(user, summary: "账号 \(user.username) 在所有设备上退出登录") { $0.sessionEpoch += 1 }
    }

    /// The user's own password change: the current password must be right and the new one typed twice.
    /// Other sessions are signed out; returns the new epoch, for the session making the change to keep.
    func changeOwnPassword(_ user: User, current: String, new: String, repeated: String) async throws -> Int {
        guard await hasher.verify(current, against: user.passwordHash) else { throw AccountError.currentPasswordWrong }
        guard new == repeated else { throw AccountError.passwordsDiffer }
        try UserRules.checkPassword(new, username: user.username)
        let hash = try await hasher.hash(new)
        try await change(user, summary: "账号 \(user.username) 修改了自己的密码") { user in
            user.passwordHash = hash
            user.sessionEpoch += 1
        }
        return user.sessionEpoch
    }

    /// Applies `edit` and writes the audit entry in one transaction. Only what the audit state shows is
    /// compared before and after; a password change shows as the summary alone.
    private func change(_ user: User, summary: String, _ edit: @escaping @Sendable (User) -> Void) async throws {
        let before = AuditState(user)
        let actor = actor
        let requestID = requestID
        let now = now
        try await database.writeTransaction { database in
            // From the epoch as committed: an administrator's reset and the user's own change at the same moment
            // each end the sessions before them, rather than both writing the same next epoch.
            if let epoch = try await RowLock.int(
                "session_epoch", of: User.schema, id: try user.requireID(), on: database)
            {
                user.sessionEpoch = epoch
            }
            edit(user)
            let after = AuditState(user)
            try await user.save(on: database)
            try await AuditLog.record(
                .userChanged, by: actor, governmentID: user.$government.id, entityType: "user", entityID: user.id,
                summary: summary, before: before, after: after, requestID: requestID, at: now, on: database)
        }
    }
}
