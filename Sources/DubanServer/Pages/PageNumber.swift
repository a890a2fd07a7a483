import Vapor

/// The page numbers a list accepts. A page number comes from the address bar, so it can be anything; an
/// offset worked out from an unbounded one overflows and would stop the server.
enum PageNumber {
    /// Far past the last page of any list (a million pages of 200).
    static let maximum = 1_000_000

    /// `raw` kept within 1...`maximum`, for the pages, which show the nearest page rather than an error.
    static func clamped(_ raw: Int?) -> Int {
        min(max(raw ?? 1, 1), maximum)
    }
}

extension Request {
    /// This request's query items with `page` set: the same filtered list on another page.
    func queryItems(page: Int) -> [(name: String, value: String)] {
        var items = url.query.map { URLComponents(string: "?" + $0)?.queryItems ?? [] } ?? []
        items.removeAll { $0.name == "page" }
        items.append(URLQueryItem(name: "page", value: String(page)))
        return items.map { ($0.name, $0.value ?? "") }
    }
}
