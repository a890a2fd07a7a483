import Vapor

/// A whole list in one answer (plans, units, leaders, users, tokens: a government has few enough). Wrapped in
/// an object, like pages, so fields can be added later without breaking clients.
struct ListDTO<Item: Content>: Content {
    var items: [Item]
}

/// One page of a longer list.
struct PageDTO<Item: Content>: Content {
    var items: [Item]
    /// 1-based.
    var page: Int
    var perPage: Int
    /// Items on all pages.
    var total: Int
    var pageCount: Int

    init(items: [Item], paging: Paging, total: Int) {
        self.items = items
        page = paging.page
        perPage = paging.perPage
        self.total = total
        pageCount = max(1, (total + paging.perPage - 1) / paging.perPage)
    }
}

/// `page` and `perPage` from the query string, checked.
struct Paging: Sendable, Equatable {
    static let defaultPerPage = 50
    static let maxPerPage = 200

    var page: Int
    var perPage: Int

    var offset: Int { (page - 1) * perPage }

    /// Page 1 and 50 per page unless asked otherwise; out-of-range values are a 400, not silently clamped, so a
    /// script's mistake shows.
    init(page: Int?, perPage: Int?) throws {
        self.page = page ?? 1
        self.perPage = perPage ?? Self.defaultPerPage
        guard (1...PageNumber.maximum).contains(self.page) else {
            throw APIError.invalidRequest("page 须为 1 到 \(PageNumber.maximum) 之间的整数。")
        }
        guard (1...Self.maxPerPage).contains(self.perPage) else {
            throw APIError.invalidRequest("perPage 须在 1 到 \(Self.maxPerPage) 之间。")
        }
    }
}
