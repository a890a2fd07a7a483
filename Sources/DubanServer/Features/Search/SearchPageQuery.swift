import DubanCore
import Fluent
import Vapor

/// The search parameters as they arrive in the URL, all optional text: a stale or mistyped filter (a plan since
/// deleted, a section of another plan) is dropped rather than answered with an error page.
struct SearchParameters: Content, Equatable {
    var q: String?
    var plan: String?
    var section: String?
    var unit: String?
    var leader: String?
    var kind: String?
    var page: String?
}

/// The search page: the filter form's choices, the criteria read from the parameters, and one page of hits.
enum SearchPageQuery {
    static let pageSize = 20

    /// The form and, when something was asked, the hits of the requested page (clamped to the last page).
    static func view(_ parameters: SearchParameters, governmentID: UUID?, on database: any Database) async throws
        -> SearchView
    {
        guard let governmentID else { return emptyView(parameters) }
        var options = try await SearchOptionsQuery.options(governmentID: governmentID, on: database)
        let criteria = try await criteria(from: parameters, options: &options, on: database)
        var view = emptyView(parameters)
        view.form = form(parameters, criteria: criteria, options: options)
        guard !criteria.isEmpty else { return view }
        let search = TaskSearch(database: database)
        var page = PageNumber.clamped(Int(parameters.page ?? ""))
        var results = try await search.search(
            criteria, governmentID: governmentID, limit: pageSize,
            offset: (page - 1) * pageSize)
        let pageCount = Pager.pageCount(total: results.total, perPage: pageSize)
        if page > pageCount {
            page = pageCount
            results = try await search.search(
                criteria, governmentID: governmentID, limit: pageSize,
                offset: (page - 1) * pageSize)
        }
        view.asked = true
        view.total = results.total
        view.hits = try await hits(results.hits, terms: criteria.terms, on: database)
        view.firstShown = results.hits.isEmpty ? 0 : (page - 1) * pageSize + 1
        view.lastShown = (page - 1) * pageSize + results.hits.count
        applyPager(to: &view, page: page, pageCount: pageCount, parameters: parameters)
        return view
    }

    /// The criteria the parameters ask for, keeping only a plan of the government and a section of that plan;
    /// loads the chosen plan's sections into `options` for the form.
    private static func criteria(
        from parameters: SearchParameters, options: inout SearchOptionsQuery.Options,
        on database: any Database
    ) async throws -> TaskSearch.Criteria {
        var criteria = TaskSearch.Criteria()
        criteria.text = SearchText.clean(parameters.q)
        criteria.planID = uuid(parameters.plan).flatMap { options.planIDs.contains($0) ? $0 : nil }
        if let planID = criteria.planID {
            options.sections = try await SearchOptionsQuery.sections(planID: planID, on: database)
            criteria.sectionID = uuid(parameters.section).flatMap { id in
                options.sections.contains { $0.id == id } ? id : nil
            }
        }
        criteria.unitID = uuid(parameters.unit)
        criteria.leaderID = uuid(parameters.leader)
        criteria.kind = parameters.kind.flatMap(TaskKind.init(rawValue:))
        return criteria
    }

    /// The form with the current choices selected.
    private static func form(
        _ parameters: SearchParameters, criteria: TaskSearch.Criteria,
        options: SearchOptionsQuery.Options
    ) -> SearchView.Form {
        func choices(_ items: [(id: UUID, label: String)], selected: UUID?) -> [SelectOption] {
            items.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: $0.label, selected: $0.id == selected)
            }
        }
        return SearchView.Form(
            action: SiteURL.search.path, text: criteria.text,
            plans: choices(options.plans, selected: criteria.planID),
            sections: choices(options.sections, selected: criteria.sectionID),
            units: choices(options.units, selected: criteria.unitID),
            leaders: choices(options.leaders, selected: criteria.leaderID),
            kinds: TaskKind.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == criteria.kind)
            },
            resetHref: SiteURL.search.path)
    }

    /// The hits as the page shows them, with units and leaders loaded for the page's tasks only (one query).
    private static func hits(_ hits: [TaskSearch.Hit], terms: [String], on database: any Database) async throws
        -> [SearchView.Hit]
    {
        let lines = try await TaskLinesQuery.rows(.tasks(hits.map(\.id)), on: database)
        let names = Dictionary(lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return hits.map { hit in
            let row = names[hit.id]
            return SearchView.Hit(
                number: hit.number, kind: hit.kind, kindLabel: DisplayText.kindLabel(hit.kind),
                href: SiteURL.task(hit.id).path, planTitle: hit.planTitle, planHref: SiteURL.plan(hit.planId).path,
                segments: TextSegment.highlight(hit.text, terms: terms),
                leadUnits: DisplayText.names(TaskLinesQuery.names(row?.leadUnits ?? "")),
                responsibleUnits: DisplayText.names(TaskLinesQuery.names(row?.responsibleUnits ?? "")),
                leaders: row?.leaders ?? "")
        }
    }

    /// Previous/next links and a window of page numbers around the current one, each keeping the filters.
    static func applyPager(to view: inout SearchView, page: Int, pageCount: Int, parameters: SearchParameters) {
        func href(_ number: Int) -> String {
            var copy = parameters
            copy.page = number == 1 ? nil : String(number)
            return SiteURL.searchWith(queryItems(copy)).path
        }
        view.pager = Pager(page: page, pageCount: pageCount, href: href)
    }

    /// The parameters as query items, in a fixed order.
    static func queryItems(_ parameters: SearchParameters) -> [(name: String, value: String)] {
        [
            ("q", parameters.q), ("plan", parameters.plan), ("section", parameters.section), ("unit", parameters.unit),
            ("leader", parameters.leader), ("kind", parameters.kind), ("page", parameters.page),
        ]
        .map { (name: $0.0, value: $0.1 ?? "") }
    }

    /// A page that asks nothing yet: the form and the hint.
    private static func emptyView(_ parameters: SearchParameters) -> SearchView {
        SearchView(
            form: SearchView.Form(
                action: SiteURL.search.path, text: parameters.q ?? "", plans: [], sections: [],
                units: [], leaders: [], kinds: [], resetHref: SiteURL.search.path),
            asked: false, total: 0, firstShown: 0, lastShown: 0, hits: [],
            pager: Pager(page: 1, pageCount: 1) { _ in SiteURL.search.path })
    }

    /// An id typed into a URL, nil when it is not one.
    private static func uuid(_ text: String?) -> UUID? { text.flatMap { UUID(uuidString: $0) } }
}
