@testable import DubanServer
import Foundation
import Testing
import Vapor
import VaporTesting

/// The OpenAPI document and the application agree: every `/api/v1` route is documented, every documented
/// operation exists, and the document holds together (references resolve, path parameters are declared, the
/// error codes are the server's).
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// "GET /api/v1/units/{id}" for each registered API route; `:id` written as OpenAPI writes it.
    static func registeredOperations(_ app: Application) -> Set<String> {
        Set(
            app.routes.all.compactMap { route -> String? in
                guard route.userInfo[MethodNotAllowedKey.key] == nil else { return nil }
                let parts = route.path.map { component -> String in
                    switch component {
                    case .constant(let text): text
                    case .parameter(let name): "{\(name)}"
                    case .anything: "*"
                    case .catchall: "**"
                    }
                }
                guard parts.starts(with: ["api", "v1"]) else { return nil }
                return "\(route.method.rawValue) /" + parts.joined(separator: "/")
            })
    }

    @Test("Every API route is documented and every documented operation is a route")
    func routesMatchTheDocument() async throws {
        try await withTestApp(.sqlite) { app in
            let registered = Self.registeredOperations(app)
            let documented = try OpenAPIDocument.load().operations
            // The normalisation itself: a parameter route and the document's own route are seen.
            #expect(registered.isSuperset(of: ["GET /api/v1/plans/{id}/tasks", "GET /api/v1/openapi.yaml"]))
            #expect(registered.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
            #expect(documented.subtracting(registered).sorted() == [], "documented operations without a route")
        }
    }

    @Test("The document is served without a token as application/yaml")
    func served() async throws {
        try await withTestApp(.sqlite) { app in
            let response = try await app.api(.GET, "/openapi.yaml", auth: .none)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "yaml")
            let file = try String(contentsOfFile: APIDocumentController.path, encoding: .utf8)
            #expect(String(decoding: response.body, as: UTF8.self) == file)
        }
    }

    @Test("The error code enum is exactly the server's codes")
    func errorCodes() throws {
        let document = try OpenAPIDocument.load()
        let documented = document.resolve("#/components/schemas/ErrorCode/enum") as? [String]
        #expect(documented == APIErrorCode.allCases.map(\.rawValue))
    }

    @Test("The document is OpenAPI 3 with a bearer scheme required by default")
    func header() throws {
        let document = try OpenAPIDocument.load()
        #expect((document.root["openapi"] as? String)?.hasPrefix("3.") == true)
        #expect(document.resolve("#/components/securitySchemes/bearerAuth/scheme") as? String == "bearer")
        let security = document.root["security"] as? [[String: Any]]
        #expect(security?.first?.keys.contains("bearerAuth") == true)
    }

    @Test("Every reference resolves, every path parameter is declared, every operation answers")
    func coherent() throws {
        let document = try OpenAPIDocument.load()
        var problems: [String] = []
        Self.collectReferences(in: document.root).filter { document.resolve($0) == nil }
            .forEach { problems.append("unresolved \($0)") }
        var operationIDs = Set<String>()
        for (path, item) in document.root["paths"] as? [String: [String: Any]] ?? [:] {
            for (method, value) in item where OpenAPIDocument.methods.contains(method) {
                let operation = value as? [String: Any] ?? [:]
                let name = "\(method.uppercased()) \(path)"
                if let id = operation["operationId"] as? String, !operationIDs.insert(id).inserted {
                    problems.append("\(name): duplicate operationId \(id)")
                }
                if (operation["responses"] as? [String: Any])?.isEmpty ?? true {
                    problems.append("\(name): no responses")
                }
                let declared = Self.pathParameters(operation, document: document)
                for parameter in Self.placeholders(in: path) where !declared.contains(parameter) {
                    problems.append("\(name): path parameter {\(parameter)} not declared")
                }
            }
        }
        #expect(problems == [])
    }

    /// Every `$ref` value anywhere in the document.
    static func collectReferences(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            let own = (object["$ref"] as? String).map { [$0] } ?? []
            return own + object.values.flatMap(collectReferences)
        }
        if let array = value as? [Any] { return array.flatMap(collectReferences) }
        return []
    }

    /// The names of the path parameters an operation declares (directly or by reference), required ones only.
    static func pathParameters(_ operation: [String: Any], document: OpenAPIDocument) -> Set<String> {
        let parameters = (operation["parameters"] as? [[String: Any]] ?? []).map { parameter in
            (parameter["$ref"] as? String).flatMap { document.resolve($0) as? [String: Any] } ?? parameter
        }
        return Set(
            parameters.filter { $0["in"] as? String == "path" && $0["required"] as? Bool == true }
                .compactMap { $0["name"] as? String })
    }

    /// "{id}" placeholders of a path.
    static func placeholders(in path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map {
            String($0.dropFirst().dropLast())
        }
    }
}
