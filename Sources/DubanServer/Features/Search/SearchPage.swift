/// The search page: the filter form, and when something was asked, one page of hits with a pager.
struct SearchPage: Encodable {
    var page: PageChrome
    var search: SearchView

    private enum CodingKeys: String, CodingKey {
        case page, search, pager
    }

    /// Also writes the results' pager at the top level, where the shared pager partial reads it.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page, forKey: .page)
        try container.encode(search, forKey: .search)
        try container.encode(search.pager, forKey: .pager)
    }
}

/// The search form and results, built by `SearchPageQuery`.
struct SearchView: Encodable {
    /// The choices of the filter form, with the current ones selected.
    struct Form: Encodable {
        var action: String
        var text: String
        var plans: [SelectOption]
        /// Sections of the chosen plan; empty until a plan is chosen.
        var sections: [SelectOption]
        var units: [SelectOption]
        var leaders: [SelectOption]
        var kinds: [SelectOption]
        var resetHref: String
    }

    /// One matching task, its text cut into highlighted and plain runs.
    struct Hit: Encodable {
        var number: String
        var kind: String
        var kindLabel: String
        var href: String
        var planTitle: String
        var planHref: String
        var segments: [TextSegment]
        var leadUnits: String
        var responsibleUnits: String
        var leaders: String
    }

    var form: Form
    /// False when nothing was asked: the page shows the hint instead of results.
    var asked: Bool
    var total: Int
    /// 1-based positions of the first and last hit shown.
    var firstShown: Int
    var lastShown: Int
    var hits: [Hit]
    /// The pages of results, each keeping the filters.
    var pager: Pager
}
