import Fluent
import Foundation

/// One sign-in attempt for a username from an address. Kept in the database rather than in memory, so the
/// throttle holds when several server processes share the database; rows older than a day are removed.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// The username as typed, normalised; it need not name an account.
    @Field(key: "username") var username: String
    @Field(key: "ip_address") var ipAddress: String
    @Field(key: "succeeded") var succeeded: Bool
    /// From the application's clock (not a Fluent timestamp), so tests can move time.
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(id: UUID? = nil, username: String, ipAddress: String, succeeded: Bool, attemptedAt: Date) {
        self.id = id
        self.username = username
        self.ipAddress = ipAddress
        self.succeeded = succeeded
        self.attemptedAt = attemptedAt
    }
}
