import Fluent
import Vapor

/// The signed-in user of a request, read from the session by `SessionAuthenticationMiddleware`: a value with
/// everything pages and the policy need, so no handler touches a lazily loaded relation.
struct CurrentUser: Authenticatable, Sendable, Equatable {
    var id: UUID
    var username: String
    var displayName: String
    var role: UserRole
    var governmentID: UUID
    /// The government's short name, shown in the header ("青溪区").
    var governmentName: String
    var unitID: UUID?
    var leaderID: UUID?
    /// The governments below the user's, read from the installation's tree when the user signs in to a request.
    var subordinateGovernmentIDs: Set<UUID> = []

    /// The user with their government and the governments below it.
    static func load(user: User, government: Government, on database: any Database) async throws -> CurrentUser {
        var current = try CurrentUser(user: user, government: government)
        current.subordinateGovernmentIDs = try await GovernmentHierarchy.descendants(
            of: current.governmentID, on: database)
        return current
    }

    /// The user with their government (and no government below it).
    init(user: User, government: Government) throws {
        id = try user.requireID()
        username = user.username
        displayName = user.displayName
        role = user.role
        governmentID = try government.requireID()
        governmentName = government.shortName
        unitID = user.$unit.id
        leaderID = user.$leader.id
    }

    /// The user as the policy sees them.
    var principal: Principal {
        Principal(
            role: role, governmentID: governmentID, unitID: unitID, leaderID: leaderID,
            subordinateGovernmentIDs: subordinateGovernmentIDs)
    }
}

/// Why a request may not go on.
enum AuthorizationError: AbortError, Equatable {
    case signInRequired
    case forbidden

    var status: HTTPResponseStatus {
        switch self {
        case .signInRequired: .unauthorized
        case .forbidden: .forbidden
        }
    }

    var reason: String {
        switch self {
        case .signInRequired: "请先登录。"
        case .forbidden: "您的账号没有权限进行这项操作。如需开通，请联系本级督查室。"
        }
    }
}

extension Request {
    /// The signed-in user; throws when nobody is signed in (routes behind `RequirePermission` always have one).
    func currentUser() throws -> CurrentUser {
        guard let user = auth.get(CurrentUser.self) else { throw AuthorizationError.signInRequired }
        return user
    }

    /// Asks the policy whether the signed-in user may perform `action` on a record owned as `resource`, and
    /// throws its refusal: sign-in required, 403, or `hidden` (a 404 naming what was looked for) for another
    /// government's record.
    func authorize(_ action: PolicyAction, on resource: Ownership? = nil, hidden: any Error = Abort(.notFound))
        throws
    {
        switch Policy.decide(auth.get(CurrentUser.self)?.principal, action, on: resource) {
        case .allow: return
        case .signIn: throw AuthorizationError.signInRequired
        case .forbid: throw AuthorizationError.forbidden
        case .hide: throw hidden
        }
    }

    /// Whether the signed-in user may perform `action`: for pages choosing which forms and links to show.
    func allows(_ action: PolicyAction, on resource: Ownership? = nil) -> Bool {
        Policy.allows(auth.get(CurrentUser.self)?.principal, action, on: resource)
    }
}
