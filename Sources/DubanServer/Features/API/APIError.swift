import Vapor

/// The machine-readable reason of an API error. Clients branch on these strings, so they never change once
/// published; `openapi.yaml` lists the same set (a test compares them).
enum APIErrorCode: String, CaseIterable, Codable, Sendable {
    case unauthorized
    case forbidden
    case notFound = "not_found"
    case invalidRequest = "invalid_request"
    case unsupportedFile = "unsupported_file"
    case unknownUnits = "unknown_units"
    case conflict
    /// The path exists but not with this method (405, with an Allow header).
    case methodNotAllowed = "method_not_allowed"
    case `internal`

    /// The code of an error that was not raised as an `APIError` (a policy refusal, a page error reused by the
    /// API, Vapor's own 404 or 413), read from its status.
    init(status: HTTPResponseStatus) {
        switch status.code {
        case 401: self = .unauthorized
        case 403: self = .forbidden
        case 404: self = .notFound
        case 405: self = .methodNotAllowed
        case 409: self = .conflict
        case 500...: self = .internal
        default: self = .invalidRequest
        }
    }
}

/// What the API refuses, with the status, the stable code and a Chinese sentence a person can act on.
/// `SiteErrorMiddleware` renders it as `{"error":{"code":…,"message":…,"requestID":…}}`.
struct APIError: AbortError, Equatable {
    /// The records the API names in its "not found" messages.
    enum Resource: String, Sendable {
        case plan, task, unit, leader, user, token, bulletin

        /// "没有找到这个方案。" and so on.
        var notFoundMessage: String {
            switch self {
            case .plan: "没有找到这个方案。"
            case .task: "没有找到这项任务。"
            case .unit: "没有找到这个单位，可能已被合并或删除。"
            case .leader: "没有找到这位领导。"
            case .user: "没有找到这个账号。"
            case .token: "没有找到这个令牌。"
            case .bulletin: "没有找到这期通报。"
            }
        }
    }

    var status: HTTPResponseStatus
    var code: APIErrorCode
    var reason: String
    /// For `unknown_units`: every name the directory does not know, with suggestions.
    var unknownUnits: [UnknownUnitDTO]?
    /// Headers the answer carries (`Allow` on a 405).
    var headers: HTTPHeaders = [:]

    init(_ status: HTTPResponseStatus, _ code: APIErrorCode, _ reason: String, unknownUnits: [UnknownUnitDTO]? = nil) {
        self.status = status
        self.code = code
        self.reason = reason
        self.unknownUnits = unknownUnits
    }

    /// No token, an unknown one, a revoked one, or one whose user is disabled.
    static let unauthorized = APIError(
        .unauthorized, .unauthorized,
        "缺少有效的访问令牌。请在请求头中提供 Authorization: Bearer <令牌>；令牌可在“我的账号 · API 令牌”页面创建。")

    /// The token's user may not do this.
    static let forbidden = APIError(
        .forbidden, .forbidden, "您的账号没有权限进行这项操作。如需开通，请联系本级督查室。")

    /// The record does not exist in the caller's government (another government's ids answer the same).
    static func notFound(_ resource: Resource) -> APIError {
        APIError(.notFound, .notFound, resource.notFoundMessage)
    }

    /// A path that exists, asked with a method it does not take.
    static func methodNotAllowed(allowed: [HTTPMethod]) -> APIError {
        var error = APIError(
            .methodNotAllowed, .methodNotAllowed,
            "这个接口不支持该请求方法，可用的方法：\(allowed.map(\.rawValue).joined(separator: "、"))。")
        error.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
        return error
    }

    /// A parameter or body field is missing or malformed.
    static func invalidRequest(_ message: String) -> APIError {
        APIError(.badRequest, .invalidRequest, message)
    }
}

extension Request {
    /// The UUID in the path parameter `name`; a malformed id is answered like an unknown one.
    func apiID(_ name: String = "id", of resource: APIError.Resource) throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw APIError.notFound(resource) }
        return id
    }

    /// The JSON body as `T`; a missing or malformed body is a 400 in Chinese, not Vapor's English decoding error.
    func apiBody<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(T.self, as: .json)
        } catch {
            throw APIError.invalidRequest("请求正文须为 JSON，并包含接口文档列出的必填字段。")
        }
    }

    /// The query string as `T`; a malformed value (a page that is not a number) is a 400 in Chinese.
    func apiQuery<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try query.decode(T.self)
        } catch {
            throw APIError.invalidRequest("查询参数格式不正确，请对照接口文档检查。")
        }
    }
}
