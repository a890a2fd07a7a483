@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

/// An API answer: status, headers and the JSON body, readable as any DTO or as plain JSON for shape checks.
struct APIResponse {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: Data

    /// The body as a DTO.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: body)
    }

    /// The body as plain JSON, for checks against the OpenAPI schemas.
    func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: body)
    }

    /// The error's code and message, when the body is the API's error shape.
    var error: (code: String, message: String, requestID: String)? {
        guard let error = (try? json())?["error"], case .string(let code)? = error["code"],
            case .string(let message)? = error["message"], case .string(let requestID)? = error["requestID"]
        else { return nil }
        return (code, message, requestID)
    }

    /// Problems of the body against a schema of the OpenAPI document; empty when it conforms.
    func schemaProblems(_ schema: String) throws -> [String] {
        try OpenAPIDocument.load().problems(try json(), against: schema)
    }
}

/// How a test request is authenticated.
enum APIAuth {
    case none
    case bearer(String)
    /// A raw Authorization header value.
    case header(String)
}

extension Application {
    /// Sends an API request; `json` is encoded as the body, `multipart` as a multipart form, or `body` sent as
    /// is with `contentType`.
    func api(
        _ method: HTTPMethod, _ path: String, auth: APIAuth, json: (any Encodable & Sendable)? = nil,
        multipart: (any Encodable & Sendable)? = nil, body: Data? = nil, contentType: HTTPMediaType? = nil,
        headers extra: HTTPHeaders = [:]
    ) async throws -> APIResponse {
        let response = try await testing().sendRequest(
            method, "/api/v1" + path,
            beforeRequest: { request in
                switch auth {
                case .none: break
                case .bearer(let token): request.headers.bearerAuthorization = .init(token: token)
                case .header(let value): request.headers.replaceOrAdd(name: .authorization, value: value)
                }
                for (name, value) in extra { request.headers.replaceOrAdd(name: name, value: value) }
                if let json { try request.content.encode(AnyEncodable(json), as: .json) }
                if let multipart { try request.content.encode(AnyEncodable(multipart), as: .formData) }
                if let body {
                    request.body = ByteBuffer(data: body)
                    if let contentType { request.headers.contentType = contentType }
                }
            })
        return APIResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }

    /// A new API token of a sample account, created through the service as the token page would.
    func apiToken(for account: SampleData.Account, name: String = "测试脚本") async throws -> String {
        let user = try #require(try await User.query(on: db).filter(\.$username == account.rawValue).first())
        let government = try #require(try await Government.find(user.$government.id, on: db))
        let created = try await APITokens(database: db).create(
            name: name, for: try CurrentUser(user: user, government: government))
        return created.secret
    }
}

/// Wraps any encodable value so `content.encode` can take an existential.
private struct AnyEncodable: Encodable, Content {
    let value: any Encodable & Sendable

    init(_ value: any Encodable & Sendable) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "encode only"))
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
