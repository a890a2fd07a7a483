import Fluent
import Vapor

/// `GET` and `POST /api/v1/users`: the administrator's accounts of the government, through the same
/// `UserAccounts` service (checks, bcrypt, audit entry) as the admin page.
struct APIUserController: RouteCollection {
    /// Registers the routes; they sit behind `APIPermission(.manageUsers)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("users", use: users)
        routes.post("users", use: create)
    }

    /// The government's accounts by username.
    @Sendable func users(req: Request) async throws -> ListDTO<UserDTO> {
        let users = try await accounts(req).list(governmentID: try req.currentUser().governmentID)
        return ListDTO(items: try users.map(UserDTO.init))
    }

    /// Creates an account: 409 when the username is taken, 400 for a field of the wrong shape (what the OpenAPI
    /// schema states), 422 when well-formed fields do not go together (a clerk without a unit, a password that
    /// is the username or longer than bcrypt reads, a unit or leader of another government).
    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.apiBody(NewUserRequest.self)
        let new = UserAccounts.NewUser(
            username: body.username, displayName: body.displayName, password: body.password, role: body.role,
            unitID: body.unitId, leaderID: body.leaderId)
        do {
            let user = try await accounts(req).create(new, governmentID: try req.currentUser().governmentID)
            return try await UserDTO(user).encodeResponse(status: .created, for: req)
        } catch let error as AccountError {
            switch error {
            case .usernameTaken: throw APIError(.conflict, .conflict, error.reason)
            case .usernameInvalid, .displayNameInvalid, .passwordTooShort: throw APIError.invalidRequest(error.reason)
            default: throw APIError(.unprocessableEntity, .invalidRequest, error.reason)
            }
        }
    }

    private func accounts(_ req: Request) -> UserAccounts {
        UserAccounts(
            database: req.db, hasher: req.application.passwordHasher, actor: req.auditActor,
            requestID: req.requestID, now: req.application.accounts.clock.now)
    }
}
