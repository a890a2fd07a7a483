import Vapor

/// Turns every error into a page a person can read — in Chinese, without internals — or into JSON for `/api`
/// paths. Server errors are logged with the request id; the page shows that id so a report can be traced.
struct SiteErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message) = Self.describe(error)
            let requestID = request.logger[metadataKey: "request-id"].map { "\($0)" } ?? ""
            if status.code >= 500 {
                request.logger.error("request failed: \(String(reflecting: error))")
            }
            if request.url.path.hasPrefix("/api") {
                let body = ErrorBody(error: ErrorBody.Detail(code: status.code, message: message, requestID: requestID))
                let response = Response(status: status)
                try response.content.encode(body, as: .json)
                return response
            }
            return try await ErrorPage(status: status, message: message, requestID: requestID)
                .encodeResponse(status: status, for: request)
        }
    }

    /// The status and the Chinese sentence shown for an error. Only `AbortError`s written for users carry their
    /// own reason; anything else is an internal failure whose details stay in the log.
    static func describe(_ error: any Error) -> (HTTPResponseStatus, String) {
        if let abort = error as? any AbortError {
            switch abort.status {
            case .notFound: return (.notFound, abort.reason == "Not Found" ? "没有找到这个页面，可能已被删除或合并。" : abort.reason)
            case .badRequest where abort.reason == "Bad Request": return (.badRequest, "请求的参数不正确，请检查后重试。")
            default: return (abort.status, abort.status.code >= 500 ? "系统出现错误，请稍后重试。" : abort.reason)
            }
        }
        return (.internalServerError, "系统出现错误，请稍后重试。")
    }
}

/// The JSON error shape of the API.
struct ErrorBody: Content {
    struct Detail: Content {
        var code: UInt
        var message: String
        var requestID: String
    }

    var error: Detail
}
