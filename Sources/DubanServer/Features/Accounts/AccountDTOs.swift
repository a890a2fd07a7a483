import Foundation
import Vapor

/// An account as the administrator sees it; never its password hash.
struct UserDTO: Content, Equatable {
    var id: UUID
    var username: String
    var displayName: String
    /// "admin", "clerk", "leader" or "viewer".
    var role: String
    var roleLabel: String
    /// A clerk's unit.
    @NullCoded var unitId: UUID?
    /// A leader account's leader.
    @NullCoded var leaderId: UUID?
    var disabled: Bool
    @NullCoded var createdAt: Date?

    init(_ user: User) throws {
        id = try user.requireID()
        username = user.username
        displayName = user.displayName
        role = user.role.rawValue
        roleLabel = user.role.label
        unitId = user.$unit.id
        leaderId = user.$leader.id
        disabled = user.isDisabled
        createdAt = user.createdAt
    }
}

/// The body of `POST /users`.
struct NewUserRequest: Content {
    var username: String
    var displayName: String
    var password: String
    var role: UserRole
    @NullCoded var unitId: UUID?
    @NullCoded var leaderId: UUID?
}

/// A personal API token, without the token itself.
struct APITokenDTO: Content, Equatable {
    var id: UUID
    var name: String
    var createdAt: Date
    @NullCoded var lastUsedAt: Date?
    @NullCoded var revokedAt: Date?
    var active: Bool

    init(_ token: APIToken) throws {
        id = try token.requireID()
        name = token.name
        createdAt = token.createdAt
        lastUsedAt = token.lastUsedAt
        revokedAt = token.revokedAt
        active = token.isActive
    }
}

/// A token just created: the only answer that ever carries the token.
struct CreatedAPITokenDTO: Content, Equatable {
    /// `dbn_…`: shown once; Duban keeps only its hash.
    var token: String
    var apiToken: APITokenDTO
}

/// The body of `POST /tokens`.
struct NewAPITokenRequest: Content {
    var name: String
}
