import Vapor

/// Headers every response carries so a browser helps keep the site safe: scripts, styles and images only
/// from the site itself (the pages have no inline script or style), no framing by another site
/// (clickjacking a 催办 or review button), no address sent to other sites (links carry plan and task ids),
/// and no type sniffing of uploaded evidence.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        Self.apply(to: response)
        return response
    }

    private static func apply(to response: Response) {
        let headers: [(String, String)] = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
    }
}
