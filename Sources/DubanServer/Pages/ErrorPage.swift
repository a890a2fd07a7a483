import Vapor

/// The context of the error page: a status, a Chinese sentence and the request id to quote when reporting.
struct ErrorPage: Encodable, AsyncResponseEncodable {
    var status: HTTPResponseStatus
    var message: String
    var requestID: String

    private enum CodingKeys: String, CodingKey { case code, title, message, requestID, homeHref, stylesheetHref }

    /// Encodes what the template shows: code, title by status, message, request id, fixed links.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.code, forKey: .code)
        try container.encode(status.code == 404 ? "页面不存在" : "出错了", forKey: .title)
        try container.encode(message, forKey: .message)
        try container.encode(requestID, forKey: .requestID)
        try container.encode(SiteURL.home.path, forKey: .homeHref)
        try container.encode(SiteURL.stylesheet.path, forKey: .stylesheetHref)
    }

    /// Renders the page with its own status.
    func encodeResponse(for request: Request) async throws -> Response {
        try await encodeResponse(status: status, for: request)
    }

    /// Renders the page with the given status.
    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        let view = try await request.view.render("error", self)
        let response = try await view.encodeResponse(for: request)
        response.status = status
        return response
    }
}
