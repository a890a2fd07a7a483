import Foundation

/// Every link the site makes, from one typed place, so templates never spell a path.
enum SiteURL {
    case home
    case plans
    case plan(UUID)
    /// A section heading on its plan's page.
    case planSection(plan: UUID, anchor: String)
    case task(UUID)
    case units
    /// The unit directory filtered by name or alias.
    case unitsMatching(String)
    case unit(UUID)
    /// The unit page right after a merge, with the count of task assignments that moved.
    case unitAfterMerge(UUID, moved: Int)
    case unitMerge(UUID)
    case leaders
    case leader(UUID)
    case search
    /// The search page with query parameters, in the order given.
    case searchWith([(name: String, value: String)])
    case stylesheet
    case audit
    /// The audit page with filter and page parameters.
    case auditWith([(name: String, value: String)])

    /// The path, starting with "/", with its query string or fragment when it has one.
    var path: String {
        switch self {
        case .home: "/"
        case .plans: "/plans"
        case .plan(let id): "/plans/\(Self.slug(id))"
        case .planSection(let plan, let anchor): "/plans/\(Self.slug(plan))#\(anchor)"
        case .task(let id): "/tasks/\(Self.slug(id))"
        case .units: "/units"
        case .unitsMatching(let query): "/units" + Self.queryString([("q", query)])
        case .unit(let id): "/units/\(Self.slug(id))"
        case .unitAfterMerge(let id, let moved): "/units/\(Self.slug(id))?merged=\(moved)"
        case .unitMerge(let id): "/units/\(Self.slug(id))/merge"
        case .leaders: "/leaders"
        case .leader(let id): "/leaders/\(Self.slug(id))"
        case .search: "/search"
        case .searchWith(let items): "/search" + Self.queryString(items)
        case .stylesheet: "/css/duban.css"
        case .audit: "/audit"
        case .auditWith(let items): "/audit" + Self.queryString(items)
        }
    }

    /// Ids appear in lower case, the form PostgreSQL prints, so a link copied from a log matches.
    private static func slug(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// "?a=1&b=2" with every value percent-encoded strictly: a "+" or "&" typed into a search box must survive
    /// the round trip, and Vapor reads "+" in a query as a space.
    private static func queryString(_ items: [(name: String, value: String)]) -> String {
        let kept = items.filter { !$0.value.isEmpty }
        guard !kept.isEmpty else { return "" }
        let allowed = CharacterSet.alphanumerics.intersection(.urlQueryAllowed).union(
            CharacterSet(charactersIn: "-._~"))
        let pairs = kept.map { item in
            let value = item.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return "\(item.name)=\(value)"
        }
        return "?" + pairs.joined(separator: "&")
    }
}
