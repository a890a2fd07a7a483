import Fluent
import Foundation

/// Creating, listing, revoking and checking personal API tokens, for the account page and the API. Creating and
/// revoking are written with their audit entry in one transaction; the token's hash never reaches the log.
struct APITokens {
    /// At most this many active tokens per account: enough for every script, few enough to review.
    static let activeLimit = 20
    /// `last_used_at` is refreshed when older than this, so a busy script does not write on every request.
    static let lastUsedResolution: TimeInterval = 60

    /// A token just created: the record and the token itself, which is shown once and never again.
    struct Created: Sendable {
        var token: APIToken
        var secret: String
    }

    /// What the audit log keeps of a token.
    private struct AuditState: Encodable, Sendable {
        var name: String
        var userID: UUID
        var revoked: Bool
    }

    let database: any Database
    /// Recorded in the audit log as the one who made the change.
    var actor: AuditActor = .system
    var requestID: String?
    var now = Date()

    /// Creates a token for `user` under a name of 1–40 characters.
    func create(name rawName: String, for user: CurrentUser) async throws -> Created {
        let name = try Self.checkedName(rawName)
        let secret = APITokenSecret.make()
        let token = APIToken(userID: user.id, name: name, tokenHash: APITokenSecret.hash(secret), createdAt: now)
        try await database.writeTransaction { database in
            // Counted as committed, with the account's creations taking turns on its row: counted before the
            // transaction, tokens created at the same moment all passed the limit.
            try await RowLock.take(User.schema, id: user.id, on: database)
            let active = try await APIToken.query(on: database).filter(\.$user.$id == user.id)
                .filter(\.$revokedAt == nil).count()
            guard active < Self.activeLimit else { throw APITokenError.tooMany }
            try await token.create(on: database)
            try await AuditLog.record(
                .tokenCreated, by: actor, governmentID: user.governmentID, entityType: "api_token",
                entityID: token.id, summary: "为账号 \(user.username) 创建 API 令牌“\(name)”",
                after: AuditState(name: name, userID: user.id, revoked: false), requestID: requestID, at: now,
                on: database)
        }
        return Created(token: token, secret: secret)
    }

    /// The user's tokens, newest first, revoked ones included.
    func list(for userID: UUID) async throws -> [APIToken] {
        try await APIToken.query(on: database).filter(\.$user.$id == userID).sort(\.$createdAt, .descending)
            .sort(\.$name).all()
    }

    /// Revokes one of the user's own tokens; another user's token is not found. Revoking twice changes nothing.
    @discardableResult
    func revoke(_ id: UUID, of user: CurrentUser) async throws -> APIToken {
        guard
            let token = try await APIToken.query(on: database).filter(\.$id == id).filter(\.$user.$id == user.id)
                .first()
        else { throw APITokenError.notFound }
        guard token.isActive else { return token }
        token.revokedAt = now
        try await database.writeTransaction { database in
            try await token.save(on: database)
            try await AuditLog.record(
                .tokenRevoked, by: actor, governmentID: user.governmentID, entityType: "api_token",
                entityID: token.id, summary: "吊销账号 \(user.username) 的 API 令牌“\(token.name)”",
                before: AuditState(name: token.name, userID: user.id, revoked: false),
                after: AuditState(name: token.name, userID: user.id, revoked: true), requestID: requestID, at: now,
                on: database)
        }
        return token
    }

    /// The enabled user an active token belongs to, or nil; marks the token as used.
    func authenticate(_ secret: String) async throws -> (user: User, government: Government)? {
        guard APITokenSecret.isWellFormed(secret),
            let token = try await APIToken.query(on: database).filter(\.$tokenHash == APITokenSecret.hash(secret))
                .first(),
            token.isActive,
            let user = try await User.find(token.$user.id, on: database), !user.isDisabled,
            let government = try await Government.find(user.$government.id, on: database)
        else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= Self.lastUsedResolution }) ?? true {
            try await APIToken.query(on: database).filter(\.$id == token.requireID()).set(\.$lastUsedAt, to: now)
                .update()
        }
        return (user, government)
    }

    /// The name trimmed; empty or longer than 40 characters is refused.
    static func checkedName(_ raw: String) throws(APITokenError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 40 else { throw .nameInvalid }
        return name
    }
}

/// Why a token could not be created or revoked, for the account page and the API alike.
enum APITokenError: Error, Equatable {
    case nameInvalid
    case tooMany
    case notFound

    /// The sentence shown beside the form or in the API's error.
    var reason: String {
        switch self {
        case .nameInvalid: "请给令牌起一个名称（不超过 40 个字），说明它的用途，例如“周报脚本”。"
        case .tooMany: "每个账号最多保留 \(APITokens.activeLimit) 个有效令牌。请先吊销不再使用的令牌。"
        case .notFound: "没有找到这个令牌。"
        }
    }

    /// The same refusal as the API reports it.
    var apiError: APIError {
        switch self {
        case .nameInvalid: .invalidRequest(reason)
        case .tooMany: APIError(.conflict, .conflict, reason)
        case .notFound: .notFound(.token)
        }
    }
}
