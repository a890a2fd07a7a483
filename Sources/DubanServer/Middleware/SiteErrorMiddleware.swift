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
                return try Self.apiResponse(for: error, status: status, message: message, requestID: requestID)
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

    /// The API's JSON error: an `APIError` speaks for itself; any other error gets the code of its status and,
    /// where Vapor's own reason would be English (an unknown route, a decoding failure, an oversized body), a
    /// Chinese sentence instead.
    static func apiResponse(for error: any Error, status: HTTPResponseStatus, message: String, requestID: String)
        throws -> Response
    {
        let detail: ErrorBody.Detail
        if let api = error as? APIError {
            detail = .init(code: api.code, message: api.reason, requestID: requestID, unknownUnits: api.unknownUnits)
        } else {
            detail = .init(
                code: APIErrorCode(status: status), message: apiMessage(error, status, message),
                requestID: requestID)
        }
        let response = Response(status: status, headers: (error as? APIError)?.headers ?? [:])
        try response.content.encode(ErrorBody(error: detail), as: .json)
        return response
    }

    /// Chinese in place of the English reasons Vapor gives its own errors.
    private static func apiMessage(_ error: any Error, _ status: HTTPResponseStatus, _ message: String) -> String {
        if error is DecodingError { return "请求的参数或正文格式不正确，请对照接口文档检查。" }
        switch status {
        case .notFound where (error as? any AbortError)?.reason == "Not Found": return "没有找到这个接口或资源。"
        case .payloadTooLarge where !(error is BodyLimitError):
            return "上传的内容超过了大小上限（\(APIImportController.maxUploadMegabytes) MB）。"
        case .unsupportedMediaType: return "请求正文的类型不受支持，请对照接口文档设置 Content-Type。"
        default: return message
        }
    }
}

/// The JSON error shape of the API.
struct ErrorBody: Content {
    struct Detail: Content {
        /// A stable machine-readable string (see `APIErrorCode`).
        var code: APIErrorCode
        var message: String
        var requestID: String
        /// Present only with `unknown_units`.
        var unknownUnits: [UnknownUnitDTO]?
    }

    var error: Detail
}
