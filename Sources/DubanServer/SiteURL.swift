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
    /// A unit's 督办联系人 form (附表2).
    case unitContacts(UUID)
    /// The unit page right after its contacts were saved.
    case unitContactsSaved(UUID)
    /// The contacts panel of the unit page.
    case unitContactsPanel(UUID)
    case leaders
    case leader(UUID)
    case search
    /// The search page with query parameters, in the order given.
    case searchWith([(name: String, value: String)])
    case stylesheet
    case audit
    /// The audit page with filter and page parameters.
    case auditWith([(name: String, value: String)])
    case login
    /// The login page with query parameters: `next` (where to go after signing in) or a notice.
    case loginWith([(name: String, value: String)])
    case logout
    case logoutEverywhere
    /// The signed-in user's own account page.
    case account
    /// The account page right after a change, naming it (see `AccountController.notices`).
    case accountAfter(String)
    case accountPassword
    /// The signed-in user's API tokens.
    case accountTokens
    /// The token page right after a change, naming it (see `APITokenPageController.notices`).
    case accountTokensAfter(String)
    case accountTokenRevoke(UUID)
    /// The API's OpenAPI document.
    case apiDocument
    case adminUsers
    case adminUser(UUID)
    /// A user's admin page right after a change, naming it (see `UserAdminController.notices`).
    case adminUserAfter(UUID, String)
    case adminUserPassword(UUID)
    case adminUserDisable(UUID)
    case adminUserEnable(UUID)
    /// The webhook page: the government's webhooks, the add form and the latest deliveries.
    case adminWebhooks
    /// The webhook page right after a change, naming it (see `WebhookAdminController.notices`).
    case adminWebhooksAfter(String)
    case adminWebhookDisable(UUID)
    case adminWebhookEnable(UUID)
    case adminWebhookDelete(UUID)
    case adminWebhookDeliveryRetry(UUID)
    /// The 推送设置 form: whether webhooks may post to internal addresses.
    case adminWebhookNetwork
    /// The import wizard's upload form; the upload posts to `imports`.
    case importNew
    case imports
    /// A draft's preview and unit mapping.
    case importDraft(UUID)
    /// The draft page right after the unit choices were saved.
    case importDraftSaved(UUID)
    case importMapping(UUID)
    case importPublish(UUID)
    /// The upload form preset to revise a published plan.
    case importRevision(UUID)
    /// The correction form of one parsed task of a draft (see `TaskCorrection.reference`).
    case importTask(UUID, String)
    /// The draft page right after a task was corrected, at the task's row.
    case importTaskSaved(UUID, String)
    case importTaskReset(UUID)
    /// A task's reporting page: work plans, reports per period, contributions, the forms.
    case taskReporting(UUID)
    case taskReportingFor(UUID, period: String)
    case taskReports(UUID)
    case taskWorkPlans(UUID)
    case report(UUID)
    case reportReview(UUID)
    case workPlanReview(UUID)
    case attachment(UUID)
    /// A unit's desk (工作台): its tasks by light, what is due, what was returned.
    case unitDesk(UUID)
    case notifications
    case notificationsRead
    /// The 督查室's overview: lights, overdue reports, reviews waiting, 催办.
    case oversight
    case oversightWith([(name: String, value: String)])
    case oversightUrge
    case planRules(UUID)

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
        case .unitContacts(let id): "/units/\(Self.slug(id))/contacts"
        case .unitContactsSaved(let id): "/units/\(Self.slug(id))?contacts=saved"
        case .unitContactsPanel(let id): "/units/\(Self.slug(id))#contacts"
        case .leaders: "/leaders"
        case .leader(let id): "/leaders/\(Self.slug(id))"
        case .search: "/search"
        case .searchWith(let items): "/search" + Self.queryString(items)
        case .stylesheet: "/css/duban.css"
        case .audit: "/audit"
        case .auditWith(let items): "/audit" + Self.queryString(items)
        case .login: "/login"
        case .loginWith(let items): "/login" + Self.queryString(items)
        case .logout: "/logout"
        case .logoutEverywhere: "/logout/everywhere"
        case .account: "/account"
        case .accountAfter(let change): "/account" + Self.queryString([("done", change)])
        case .accountPassword: "/account/password"
        case .accountTokens: "/account/tokens"
        case .accountTokensAfter(let change): "/account/tokens" + Self.queryString([("done", change)])
        case .accountTokenRevoke(let id): "/account/tokens/\(Self.slug(id))/revoke"
        case .apiDocument: "/api/v1/openapi.yaml"
        case .adminUsers: "/admin/users"
        case .adminUser(let id): "/admin/users/\(Self.slug(id))"
        case .adminUserAfter(let id, let change): "/admin/users/\(Self.slug(id))" + Self.queryString([("done", change)])
        case .adminUserPassword(let id): "/admin/users/\(Self.slug(id))/password"
        case .adminUserDisable(let id): "/admin/users/\(Self.slug(id))/disable"
        case .adminUserEnable(let id): "/admin/users/\(Self.slug(id))/enable"
        case .adminWebhooks: "/admin/webhooks"
        case .adminWebhooksAfter(let change): "/admin/webhooks" + Self.queryString([("done", change)])
        case .adminWebhookDisable(let id): "/admin/webhooks/\(Self.slug(id))/disable"
        case .adminWebhookEnable(let id): "/admin/webhooks/\(Self.slug(id))/enable"
        case .adminWebhookDelete(let id): "/admin/webhooks/\(Self.slug(id))/delete"
        case .adminWebhookDeliveryRetry(let id): "/admin/webhooks/deliveries/\(Self.slug(id))/retry"
        case .adminWebhookNetwork: "/admin/webhooks/network"
        case .importNew: "/imports/new"
        case .imports: "/imports"
        case .importDraft(let id): "/imports/\(Self.slug(id))"
        case .importDraftSaved(let id): "/imports/\(Self.slug(id))?saved=1"
        case .importMapping(let id): "/imports/\(Self.slug(id))/mapping"
        case .importPublish(let id): "/imports/\(Self.slug(id))/publish"
        case .importRevision(let plan): "/imports/new" + Self.queryString([("revise", Self.slug(plan))])
        case .importTask(let id, let reference): "/imports/\(Self.slug(id))/task" + Self.queryString([("ref", reference)])
        case .importTaskSaved(let id, let anchor): "/imports/\(Self.slug(id))?saved=2#\(anchor)"
        case .importTaskReset(let id): "/imports/\(Self.slug(id))/task/reset"
        case .taskReporting(let id): "/tasks/\(Self.slug(id))/reporting"
        case .taskReportingFor(let id, let period): "/tasks/\(Self.slug(id))/reporting" + Self.queryString([("period", period)])
        case .taskReports(let id): "/tasks/\(Self.slug(id))/reports"
        case .taskWorkPlans(let id): "/tasks/\(Self.slug(id))/workplans"
        case .report(let id): "/reports/\(Self.slug(id))"
        case .reportReview(let id): "/reports/\(Self.slug(id))/review"
        case .workPlanReview(let id): "/workplans/\(Self.slug(id))/review"
        case .attachment(let id): "/attachments/\(Self.slug(id))"
        case .unitDesk(let id): "/units/\(Self.slug(id))/desk"
        case .notifications: "/notifications"
        case .notificationsRead: "/notifications/read"
        case .oversight: "/oversight"
        case .oversightWith(let items): "/oversight" + Self.queryString(items)
        case .oversightUrge: "/oversight/urge"
        case .planRules(let id): "/plans/\(Self.slug(id))/rules"
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
