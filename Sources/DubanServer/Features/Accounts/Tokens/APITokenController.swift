import Fluent
import Vapor

/// `/api/v1/tokens`: the calling user's own API tokens — list, create, revoke — as on the account's token page.
struct APITokenController: RouteCollection {
    /// Registers the routes; they sit behind `APIPermission(.manageOwnAccount)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("tokens", use: tokens)
        routes.post("tokens", use: create)
        routes.delete("tokens", ":id", use: revoke)
    }

    /// The user's tokens, newest first, revoked ones included; never the tokens themselves.
    @Sendable func tokens(req: Request) async throws -> ListDTO<APITokenDTO> {
        let tokens = try await service(req).list(for: try req.currentUser().id)
        return ListDTO(items: try tokens.map(APITokenDTO.init))
    }

    /// Creates a token and shows it, this once; the answer must not be cached anywhere.
    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.apiBody(NewAPITokenRequest.self)
        do {
            let created = try await service(req).create(name: body.name, for: try req.currentUser())
            let dto = CreatedAPITokenDTO(token: created.secret, apiToken: try APITokenDTO(created.token))
            let response = try await dto.encodeResponse(status: .created, for: req)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let error as APITokenError {
            throw error.apiError
        }
    }

    /// Revokes one of the user's tokens (the one making the call included); 204 also when already revoked.
    @Sendable func revoke(req: Request) async throws -> HTTPStatus {
        let id = try req.apiID(of: .token)
        do {
            try await service(req).revoke(id, of: try req.currentUser())
        } catch let error as APITokenError {
            throw error.apiError
        }
        return .noContent
    }

    private func service(_ req: Request) -> APITokens {
        APITokens(
            database: req.db, actor: req.auditActor, requestID: req.requestID,
            now: req.application.accounts.clock.now)
    }
}
