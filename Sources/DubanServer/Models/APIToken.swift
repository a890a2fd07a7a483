import Fluent
import Foundation

/// A personal API token: lets a script act as its user on `/api/v1` without a password or a session. Only the
/// SHA-256 hash of the token is kept — the token itself is shown once, when it is created — so a copy of the
/// database does not hand out working tokens. Revoking keeps the row, so the list still shows what existed and
/// when it was last used.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// What the user called it ("周报脚本"), to tell tokens apart when revoking one.
    @Field(key: "name") var name: String
    /// Lower-case hex SHA-256 of the whole token, `dbn_` prefix included.
    @Field(key: "token_hash") var tokenHash: String
    /// From the application's clock (not a Fluent timestamp), so tests can move time.
    @Field(key: "created_at") var createdAt: Date
    /// Updated at most once a minute, so a busy script does not write on every request.
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    /// Set once; a revoked token answers 401 from then on.
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(id: UUID? = nil, userID: UUID, name: String, tokenHash: String, createdAt: Date) {
        self.id = id
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }

    /// True until revoked.
    var isActive: Bool { revokedAt == nil }
}
