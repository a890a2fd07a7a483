@testable import DubanServer
import Foundation
import Testing
import VaporTesting

/// A rendered page: status and HTML.
struct RenderedPage {
    var status: HTTPResponseStatus
    var html: String
    var location: String?

    /// How often `text` occurs in the HTML, for counts that a plain `contains` cannot check.
    func occurrences(of text: String) -> Int { html.components(separatedBy: text).count - 1 }
}

extension Application {
    /// Requests `path` (with its query) from the running app, as a browser would.
    func page(_ path: String, method: HTTPMethod = .GET, form: [String: String]? = nil) async throws -> RenderedPage {
        let response = try await testing().sendRequest(
            method, path,
            beforeRequest: { request in
                if let form { try request.content.encode(form, as: .urlEncodedForm) }
            })
        return RenderedPage(
            status: response.status, html: response.body.string,
            location: response.headers.first(name: .location))
    }
}
