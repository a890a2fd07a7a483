import Fluent
import Foundation
import Vapor

/// A person who signs in: the 督查室's administrator, a unit's clerk (经办人), a leader or a viewer of one
/// government. Usernames are unique across the whole installation, so the login form needs no government
/// picker and `duban user reset-password NAME` names exactly one account.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    /// Lower-case ASCII (see `UserRules.normalizedUsername`), so "Admin" and "admin" are one account.
    @Field(key: "username") var username: String
    /// The name shown in the header and the audit log, e.g. "张敏".
    @Field(key: "display_name") var displayName: String
    /// A bcrypt hash; the password itself is never stored.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: UserRole
    /// A disabled account cannot sign in, and its open sessions stop working on their next request.
    @Field(key: "is_disabled") var isDisabled: Bool
    /// Part of every session of this user; raising it signs the user out everywhere at once.
    @Field(key: "session_epoch") var sessionEpoch: Int

    // relationships
    @Parent(key: "government_id") var government: Government
    /// The unit a clerk acts for.
    @OptionalParent(key: "unit_id") var unit: Unit?
    /// The leader whose portfolio a leader account opens first.
    @OptionalParent(key: "leader_id") var leader: Leader?

    init() {}

    init(
        id: UUID? = nil, governmentID: UUID, username: String, displayName: String, passwordHash: String,
        role: UserRole, unitID: UUID? = nil, leaderID: UUID? = nil
    ) {
        self.id = id
        self.$government.id = governmentID
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.isDisabled = false
        self.sessionEpoch = 0
        self.$unit.id = unitID
        self.$leader.id = leaderID
    }
}

/// What an account may do, decided by `Policy`.
enum UserRole: String, CaseIterable, Codable, Sendable {
    /// 督查室 administrator: everything within the government.
    case admin
    /// A unit's clerk (经办人): reads every plan, acts on its own unit's tasks only.
    case clerk
    /// A leader: reads everything, their own portfolio first.
    case leader
    /// Reads everything, changes nothing.
    case viewer

    /// The Chinese name shown in pages and the CLI.
    var label: String {
        switch self {
        case .admin: "督查室管理员"
        case .clerk: "单位经办人"
        case .leader: "领导"
        case .viewer: "查看"
        }
    }
}
