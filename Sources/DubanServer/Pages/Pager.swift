/// Previous and next links and a window of page numbers around the current page (the first and last always
/// shown, gaps as "…"), for any list cut into pages: search results, a long plan.
struct Pager: Encodable, Equatable {
    /// A link to one page; an empty `href` is a gap ("…") or the current page.
    struct Link: Encodable, Equatable {
        var label: String
        var href: String
        var current: Bool
    }

    /// 1-based.
    var currentPage: Int
    var pageCount: Int
    var previousHref: String
    var nextHref: String
    /// Empty when there is one page only.
    var pages: [Link]
    /// Said after "第 2 / 5 页": "，每页 50 项任务".
    var note = ""

    /// How many pages `total` items fill at `perPage` a page; an empty list is one (empty) page.
    static func pageCount(total: Int, perPage: Int) -> Int {
        max(1, (total + perPage - 1) / max(1, perPage))
    }

    /// `href(n)` is the address of 1-based page n.
    init(page: Int, pageCount: Int, note: String = "", href: (Int) -> String) {
        self.note = note
        currentPage = page
        self.pageCount = pageCount
        previousHref = page > 1 ? href(page - 1) : ""
        nextHref = page < pageCount ? href(page + 1) : ""
        let shown = Set([1, pageCount] + Array(max(1, page - 2)...max(1, min(pageCount, page + 2))))
        var links: [Link] = []
        for number in shown.sorted() where number >= 1 && number <= pageCount {
            if let last = links.last, let lastNumber = Int(last.label), number > lastNumber + 1 {
                links.append(Link(label: "…", href: "", current: false))
            }
            links.append(Link(label: String(number), href: number == page ? "" : href(number), current: number == page))
        }
        pages = pageCount > 1 ? links : []
    }
}
