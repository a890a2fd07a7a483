import Fluent
import Foundation
import Vapor

/// Creating and changing accounts, for the admin page and `duban user`. Every change is written with its
/// audit entry in one transaction; password hashes never reach the log.
struct UserAccounts {
    /// A new account as the form or the command line gives it; unit and leader already resolved to ids of the
    /// government.
    struct NewUser: Sendable {
        var username: String
        var displayName: String
        var password: String
        var role: UserRole
        var unitID: UUID?
        var leaderID: UUID?
    }

    /// What the audit log keeps of an account: never its password hash.
    struct AuditState: Encodable, Sendable {
        var username: String
        var displayName: String
        var role: String
        var unitID: UUID?
        var leaderID: UUID?
        var disabled: Bool

        init(_ user: User) {
            username = user.username
            displayName = user.displayName
            role = user.role.rawValue
            unitID = user.$unit.id
            leaderID = user.$leader.id
            disabled = user.isDisabled
        }
    }

    let database: any Database
    let hasher: PasswordHashing
    /// Recorded in the audit log as the one who made the change.
    var actor: AuditActor = .system
    var requestID: String?
    var now = Date()

    /// Creates an account in `governmentID` after checking every field; the username must be free
    /// installation-wide.
    @discardableResult
    func create(_ new: NewUser, governmentID: UUID) async throws -> User {
        let username = try UserRules.normalizedUsername(new.username)
        let displayName = try UserRules.displayName(new.displayName)
        try UserRules.checkPassword(new.password, username: username)
        try await checkAssignment(
            role: new.role, unitID: new.unitID, leaderID: new.leaderID, governmentID: governmentID)
        guard try await User.query(on: database).filter(\.$username == username).first() == nil else {
            throw AccountError.usernameTaken(username)
        }
        let user = User(
            governmentID: governmentID, username: username, displayName: displayName,
            passwordHash: try await hasher.hash(new.password), role: new.role, unitID: new.unitID,
            leaderID: new.leaderID)
        do {
            try await database.writeTransaction { database in
                try await user.create(on: database)
                try await AuditLog.record(
                    .userCreated, by: actor, governmentID: governmentID, entityType: "user", entityID: user.id,
                    summary: "新建账号 \(username)（\(displayName)，\(new.role.label)）", after: AuditState(user),
                    requestID: requestID, at: now, on: database)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another request took the name between the check and the insert.
            throw AccountError.usernameTaken(username)
        }
        return user
    }

    /// A clerk needs a unit and only a clerk may have one; only a leader account may name a leader; both must
    /// belong to the government.
    private func checkAssignment(role: UserRole, unitID: UUID?, leaderID: UUID?, governmentID: UUID) async throws {
        if role == .clerk, unitID == nil { throw AccountError.unitRequired }
        if role != .clerk, unitID != nil { throw AccountError.unitOnlyForClerks }
        if role != .leader, leaderID != nil { throw AccountError.leaderOnlyForLeaders }
        if let unitID {
            let found = try await Unit.query(on: database).filter(\.$id == unitID)
                .filter(\.$government.$id == governmentID).count()
            guard found == 1 else { throw AccountError.unitNotFound("") }
        }
        if let leaderID {
            let found = try await Leader.query(on: database).filter(\.$id == leaderID)
                .filter(\.$government.$id == governmentID).count()
            guard found == 1 else { throw AccountError.leaderNotFound("") }
        }
    }

    /// The accounts of a government (or of every government), by username.
    func list(governmentID: UUID?) async throws -> [User] {
        let query = User.query(on: database).sort(\.$username)
        if let governmentID { query.filter(\.$government.$id == governmentID) }
        return try await query.all()
    }

    /// The account with this id in this government; another government's account is not found.
    func find(_ id: UUID, governmentID: UUID) async throws -> User {
        guard
            let user = try await User.query(on: database).filter(\.$id == id)
                .filter(\.$government.$id == governmentID).first()
        else { throw AccountError.userNotFound }
        return user
    }

    /// The account with this username anywhere in the installation.
    func find(username: String) async throws -> User {
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let user = try await User.query(on: database).filter(\.$username == name).first() else {
            throw AccountError.userNotFound
        }
        return user
    }
}
