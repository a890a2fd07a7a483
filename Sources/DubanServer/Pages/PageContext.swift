import Vapor

/// What every page shows around its content: title, government, navigation, breadcrumbs, the search box and
/// the signed-in user with the logout button. Navigation lists only the sections the user's role may open,
/// as the policy decides.
struct PageChrome: Encodable {
    /// A navigation entry or breadcrumb; an empty `href` marks the current page.
    struct Link: Encodable {
        var label: String
        var href: String
        var current = false
        /// A count shown beside the label (unread notifications); 0 shows nothing.
        var badge = 0
    }

    /// The signed-in user's corner of the header.
    struct Account: Encodable {
        var name: String
        var role: String
        var href: String
        var logoutAction: String
        var csrfToken: String
    }

    var title: String
    var government: String
    var nav: [Link]
    var breadcrumbs: [Link]
    var query: String
    /// False on the login page: no navigation, search or account corner.
    var signedIn: Bool
    var account: Account
    /// Fixed links of the layout (brand, search form, stylesheet), so the base template spells no path.
    var homeHref = SiteURL.home.path
    var searchHref = SiteURL.search.path
    var stylesheetHref = SiteURL.stylesheet.path
    var auditHref = SiteURL.audit.path

    /// The chrome of a page in one of the main sections, for the request's signed-in user.
    init(for req: Request, title: String, section: Section?, breadcrumbs: [Link] = [], query: String = "") throws {
        let user = try req.currentUser()
        self.title = title
        self.government = user.governmentName
        self.breadcrumbs = breadcrumbs
        self.query = query
        signedIn = true
        nav = Section.allCases.filter { Policy.allows(user.principal, $0.action) }
            .map { Link(label: $0.label, href: $0.url.path, current: $0 == section) }
        if let unitID = user.unitID, user.role == .clerk {
            nav.insert(Link(label: "工作台", href: SiteURL.unitDesk(unitID).path, current: section == .desk), at: 0)
        }
        if NotificationQuery.inbox(of: user) != nil {
            nav.append(
                Link(
                    label: "通知", href: SiteURL.notifications.path, current: section == .notifications,
                    badge: req.storage[UnreadNotifications.self] ?? 0))
        }
        account = Account(
            name: user.displayName, role: user.role.label, href: SiteURL.account.path,
            logoutAction: SiteURL.logout.path, csrfToken: req.csrfToken)
    }

    /// The chrome of a page for visitors who are not signed in (the login page).
    init(signedOutTitle title: String) {
        self.title = title
        government = ""
        nav = []
        breadcrumbs = []
        query = ""
        signedIn = false
        account = Account(name: "", role: "", href: "", logoutAction: "", csrfToken: "")
    }

    /// The main sections of the site, in navigation order.
    enum Section: CaseIterable {
        case plans, units, leaders, search, oversight, rounds, scores, bulletins, audit, users, webhooks
        /// Reached through the links added for the user (the clerk's desk, the inbox), not the fixed list.
        case desk, notifications

        /// The sections listed in the navigation for everyone allowed.
        static var allCases: [Section] {
            [.plans, .units, .leaders, .search, .oversight, .rounds, .scores, .bulletins, .audit, .users, .webhooks]
        }

        /// The navigation label.
        var label: String {
            switch self {
            case .plans: "方案"
            case .units: "单位"
            case .leaders: "领导"
            case .search: "搜索"
            case .audit: "审计"
            case .users: "账号"
            case .webhooks: "推送"
            case .oversight: "督办"
            case .rounds: "督查"
            case .scores: "考核"
            case .bulletins: "通报"
            case .desk: "工作台"
            case .notifications: "通知"
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
            case .users: .adminUsers
            case .webhooks: .adminWebhooks
            case .oversight: .oversight
            case .rounds: .rounds
            case .scores: .scoresIndex
            case .bulletins: .bulletins
            case .desk, .notifications: .notifications
            }
        }

        /// What the user must be allowed to see the entry.
        var action: PolicyAction {
            switch self {
            case .plans, .units, .leaders, .search: .read
            case .audit: .viewAuditLog
            case .users: .manageUsers
            case .webhooks, .oversight: .superviseReporting
            case .rounds: .readRounds
            case .scores: .readScores
            case .bulletins: .read
            case .desk, .notifications: .read
            }
        }
    }
}
