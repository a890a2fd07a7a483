@testable import DubanServer
import Testing

/// The pager every paged list shares: how many pages a total fills, and which page links it shows.
@Suite("Pager")
struct PagerTests {
    @Test("A total fills whole pages and one more for the rest; nothing is one empty page")
    func pageCount() {
        #expect(Pager.pageCount(total: 0, perPage: 100) == 1)
        #expect(Pager.pageCount(total: 100, perPage: 100) == 1)
        #expect(Pager.pageCount(total: 101, perPage: 100) == 2)
        #expect(Pager.pageCount(total: 2_000, perPage: 200) == 10)
    }

    @Test("Links show the first, the last and two either side of the current page, with gaps between")
    func links() {
        let pager = Pager(page: 6, pageCount: 12) { "?page=\($0)" }
        #expect(pager.pages.map(\.label) == ["1", "…", "4", "5", "6", "7", "8", "…", "12"])
        #expect(pager.pages.filter(\.current).map(\.label) == ["6"])
        #expect(pager.previousHref == "?page=5" && pager.nextHref == "?page=7")
        #expect(Pager(page: 1, pageCount: 1) { "?page=\($0)" }.pages.isEmpty)
    }
}
