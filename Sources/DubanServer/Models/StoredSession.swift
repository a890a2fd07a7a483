import Fluent
import Foundation

/// A signed-in session: the random key its cookie carries, what the session holds, and when it ends. Rows
/// are made only when someone signs in (an anonymous visitor leaves none) and removed once they expire.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class StoredSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// The cookie's value: 32 random bytes, URL-safe base64.
    @Field(key: "key") var key: String
    /// The session's values as a JSON object of strings.
    @Field(key: "data") var data: String
    /// From the application's clock, so tests can move time.
    @Field(key: "created_at") var createdAt: Date
    /// After this the session is gone, whatever its cookie says.
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(key: String, data: String, createdAt: Date, expiresAt: Date) {
        self.key = key
        self.data = data
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
