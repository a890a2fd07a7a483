import Vapor

/// `GET /api/v1/openapi.yaml`: the API's OpenAPI 3 description, written by hand in
/// `Resources/OpenAPI/openapi.yaml` and checked against the registered routes by a test. Open to everyone, like
/// any API's documentation: it holds no data.
struct APIDocumentController: RouteCollection {
    static let mediaType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])

    /// The document, read once at start-up: it ships inside the module's bundle and never changes while running.
    let document: String

    /// Reads the document; a missing file stops start-up instead of answering 500 later.
    init() throws {
        document = try String(contentsOfFile: Self.path, encoding: .utf8)
    }

    /// Where the bundled document is.
    static var path: String { Resources.bundle + "Resources/OpenAPI/openapi.yaml" }

    /// Registers the route.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.yaml", use: show)
    }

    /// The document as YAML; the same bytes for everyone, so no token is needed.
    @Sendable func show(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = Self.mediaType
        return Response(status: .ok, headers: headers, body: .init(string: document))
    }
}
