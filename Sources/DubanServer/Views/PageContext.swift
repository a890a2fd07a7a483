import Vapor

/// What every page shows around its content: title, government, navigation, breadcrumbs, the search box.
struct PageChrome: Encodable {
    /// A navigation entry or breadcrumb; an empty `href` marks the current page.
    struct Link: Encodable {
        var label: String
        var href: String
        var current = false
    }

    var title: String
    var government: String
    var nav: [Link]
    var breadcrumbs: [Link]
    var query: String
    /// Fixed links of the layout (brand, search form, stylesheet), so the base template spells no path.
    var homeHref = SiteURL.home.path
    var searchHref = SiteURL.search.path
    var stylesheetHref = SiteURL.stylesheet.path
    var auditHref = SiteURL.audit.path

    /// The chrome of a page in one of the main sections.
    init(title: String, government: String, section: Section, breadcrumbs: [Link] = [], query: String = "") {
        self.title = title
        self.government = government
        self.breadcrumbs = breadcrumbs
        self.query = query
        nav = Section.allCases.map { Link(label: $0.label, href: $0.url.path, current: $0 == section) }
    }

    /// The main sections of the site, in navigation order.
    enum Section: CaseIterable {
        case plans, units, leaders, search, audit

        /// The navigation label.
        var label: String {
            switch self {
            case .plans: "方案"
            case .units: "单位"
            case .leaders: "领导"
            case .search: "搜索"
            case .audit: "审计"
            }
        }

        /// Where the navigation entry leads.
        var url: SiteURL {
            switch self {
            case .plans: .plans
            case .units: .units
            case .leaders: .leaders
            case .search: .search
            case .audit: .audit
            }
        }
    }
}
