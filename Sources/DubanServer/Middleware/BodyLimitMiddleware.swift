import Vapor

/// Refuses a request body larger than its route accepts before a byte of it is buffered: from the
/// Content-Length header at once, and for a body sent without one, as soon as collecting it passes the limit
/// (see `Request.routeBodyLimit`). Forms take `Routes.defaultMaxBodySize`; only upload routes take more.
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > request.routeBodyLimit {
            throw BodyLimitError(limit: request.routeBodyLimit)
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The most this request's route collects: what an upload route registered with `upload(...)`, else the
    /// application's default for forms.
    var routeBodyLimit: Int {
        if let limit = route?.userInfo[BodyLimitKey.key] as? Int { return limit }
        return application.routes.defaultMaxBodySize.value
    }
}

extension RoutesBuilder {
    /// Registers an upload route: its body is collected up to `limit`, and the limit is recorded on the route
    /// so the middleware in front of it (body limit, CSRF) refuse and read by the same number.
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: PathComponent..., limit: ByteCount,
        use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        upload(method, path, limit: limit, use: closure)
    }

    /// `upload` with the path as an array (`SiteURL.….pathComponents`).
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: [PathComponent], limit: ByteCount,
        use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(method, path, body: .collect(maxSize: limit), use: closure)
        route.userInfo[BodyLimitKey.key] = limit.value
        return route
    }
}

/// Where a route's upload limit is kept in its `userInfo`.
enum BodyLimitKey {
    static let key = AnySendableHashable("duban.bodyLimit")
}

/// A body over its route's limit.
struct BodyLimitError: AbortError, Equatable {
    var limit: Int

    var status: HTTPResponseStatus { .payloadTooLarge }

    var reason: String {
        let size = limit >= 1_048_576 ? "\(limit / 1_048_576) MB" : "\(limit / 1024) KB"
        return "提交的内容超过了大小上限（\(size)），没有保存。请缩小或拆分文件后重试。"
    }
}
