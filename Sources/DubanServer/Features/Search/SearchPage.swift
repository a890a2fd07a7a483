/// The search page: the filter form, and when something was asked, one page of hits with a pager.
struct SearchPage: Encodable {
    var page: PageChrome
    var search: SearchView
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

    /// A link to one page of results.
    typealias PageLink = Pager.Link

    var form: Form
    /// False when nothing was asked: the page shows the hint instead of results.
    var asked: Bool
    var total: Int
    /// 1-based positions of the first and last hit shown.
    var firstShown: Int
    var lastShown: Int
    var hits: [Hit]
    var currentPage: Int
    var pageCount: Int
    var previousHref: String
    var nextHref: String
    var pages: [PageLink]
}
