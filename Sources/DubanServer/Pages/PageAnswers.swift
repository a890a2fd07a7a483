import Vapor

/// The two answers every page controller gives besides its page: the sentence a `?done=` link names, and a
/// refused form shown again — as typed, with the reason — under a status other than 200.
extension Request {
    /// The page's sentence for this request's `?done=<key>`, or "" when there is none or it is unknown.
    func notice(from notices: [String: String]) -> String {
        (try? query.get(String.self, at: "done")).flatMap { notices[$0] } ?? ""
    }

    /// `view` answered with `status` (422 for a form that cannot be saved, 400 for a wrong current password).
    func answer(_ view: View, status: HTTPResponseStatus) async throws -> Response {
        let response = try await view.encodeResponse(for: self)
        response.status = status
        return response
    }
}
