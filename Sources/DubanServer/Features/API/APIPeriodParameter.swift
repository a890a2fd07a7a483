import Vapor

/// Refuses an API request whose `?period=` cannot be a period: not text, or longer than the OpenAPI document's
/// 20 characters. The handlers read an unknown period as "the latest due", which suits the pages' links; a script
/// that sends garbage is told so instead of being answered for another period.
struct APIPeriodParameter: AsyncMiddleware {
    static let maxLength = 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = Self.rawValue(in: request.url.query) {
            let value = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            guard let value, value.unicodeScalars.count <= Self.maxLength else {
                throw APIError(
                    .badRequest, .invalidRequest,
                    "期次 period 应写作 2026-Q1、2026-M03、2026-Y 或 year，最长 \(Self.maxLength) 个字符。")
            }
        }
        return try await next.respond(to: request)
    }

    /// The still-encoded value of the first `period` in a query string.
    static func rawValue(in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first == "period" { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }
}
