import Foundation
import Vapor

/// Every link the site makes, from one typed place, so templates never spell a path.
enum SiteURL {
    case home
    case plans
    case plan(UUID)
    /// A section heading on its plan's page.
    case planSection(plan: UUID, anchor: String)
    /// One page of a long plan's tasks, 1-based; the first page is the plan's own address.
    case planPage(UUID, page: Int)
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
    /// A page of a leader's board; page 1 is `leader`.
    case leaderPage(UUID, page: Int)
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
    /// The form that adds a task by hand, optionally from a marked source line.
    case importHandTask(UUID, line: Int?)
    /// The form that sets a draft document's title, year and 文号.
    case importDetails(UUID)
    /// Duban's blank Excel template, and a draft's reading written into it.
    case importTemplate
    case importDraftTemplate(UUID)
    case importDiscard(UUID)
    /// What publishing a new plan will do, with the confirming form.
    case importConfirm(UUID)
    /// The drafts list right after a draft was discarded.
    case importsAfterDiscard
    /// A task's reporting page: work plans, reports per period, contributions, the forms.
    case taskReporting(UUID)
    case taskReportingFor(UUID, period: String)
    case taskReports(UUID)
    case taskWorkPlans(UUID)
    case report(UUID)
    /// A leader's 批示 on a task (POST).
    case taskInstructions(UUID)
    case reportReview(UUID)
    /// The 督查室 dismissing a report's quality flag, with a reason.
    case flagDismiss(UUID)
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
    /// Everything waiting for the 督查室's review, newest first, filtered and paged.
    case reviewQueue
    case reviewQueueWith([(name: String, value: String)])
    case planRules(UUID)
    /// A plan's public progress page, by its token; and the 督查室's switch that publishes or withdraws it.
    case publicPlan(String)
    case planPublic(UUID)
    /// A cascaded plan's links to the higher tasks (`/plans/:planID/parents`), confirmed by the 督查室.
    case planParents(UUID)
    /// A plan's quantified targets period by period, and as a workbook.
    case planTargets(UUID)
    /// One page of the target table, 1-based.
    case planTargetsPage(UUID, page: Int)
    case planTargetsXlsx(UUID)
    /// A plan's 分解表 as a workbook and as CSV.
    case planExportXlsx(UUID)
    case planExportCsv(UUID)
    /// A unit's 附表1 办理方案 as a workbook.
    case unitWorkPlansXlsx(UUID)
    /// 附表3 完成情况 of every reporting unit of a plan, and of one unit (for a plan and period).
    case planProgressXlsx(UUID, period: String?)
    case unitProgressXlsx(UUID, plan: UUID?, period: String?)
    /// 附表2 督办工作人员名单 of every unit of a plan, and of one unit.
    case planContactsXlsx(UUID)
    case unitContactsXlsx(UUID)
    /// Withdrawing a plan: the confirmation page (GET) and the action (POST).
    case planWithdraw(UUID)
    case planRestore(UUID)
    /// 督查 rounds and their findings.
    case rounds
    /// The form that starts a round, for the plan chosen on the list (its sections and units to pick from).
    case roundNew(plan: UUID?)
    case round(UUID)
    /// The round page right after a change, naming it (see `RoundController.notices`).
    case roundAfter(UUID, String)
    case roundFindings(UUID)
    case roundClose(UUID)
    case finding(UUID)
    /// The finding page right after a change, naming it (see `FindingController.notices`).
    case findingAfter(UUID, String)
    case findingResponses(UUID)
    case findingReview(UUID)
    case findingAttachment(UUID)
    /// 绩效考核: the plans with their published periods, a plan's ranking for a period (or `Scores.yearKey`),
    /// one unit's explained score, publishing, the scheme and the scores as a workbook.
    case scoresIndex
    case scores(plan: UUID, period: String?)
    case scoresAfter(plan: UUID, period: String, done: String)
    case unitScore(plan: UUID, unit: UUID, period: String?)
    case scoresPublish(UUID)
    case scoringScheme(UUID)
    case scoringSchemeAfter(UUID, String)
    case scoresXlsx(plan: UUID, period: String?)
    /// 督查通报: the list, the drafting form, a bulletin (its editor while a draft), refreshing its numbers,
    /// issuing it, discarding a draft, and the Word document and annex workbook.
    case bulletins
    case bulletinsAfterDiscard
    case bulletinNew
    case bulletin(UUID)
    case bulletinAfter(UUID, String)
    case bulletinRefresh(UUID)
    case bulletinIssue(UUID)
    case bulletinDiscard(UUID)
    case bulletinDocument(UUID)
    case bulletinAnnex(UUID)

    /// The path, starting with "/", with its query string or fragment when it has one.
    var path: String {
        // The one link whose parameter is not a record's id: a public page's token (URL-safe by construction).
        if case .publicPlan(let token) = self, !token.isEmpty {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
            return "/public/" + (token.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        let (template, ids) = route
        var remaining = ids[...]
        let filled = template.split(separator: "/").map { segment -> String in
            guard segment.hasPrefix(":"), let id = remaining.popFirst() else { return String(segment) }
            return Self.slug(id)
        }
        return "/" + filled.joined(separator: "/") + suffix
    }

    /// The route this link leads to, with `:name` parameters where its ids go: what the route is registered
    /// under, so a link and its route can never disagree. Handlers read the parameters by the same names.
    var pathComponents: [PathComponent] {
        route.template.pathComponents
    }

    /// The route's template and the ids that fill its parameters, in order.
    private var route: (template: String, ids: [UUID]) {
        switch self {
        case .home: ("/", [])
        case .plans: ("/plans", [])
        case .plan(let id): ("/plans/:planID", [id])
        case .planSection(let plan, _): ("/plans/:planID", [plan])
        case .planPage(let plan, _): ("/plans/:planID", [plan])
        case .task(let id): ("/tasks/:taskID", [id])
        case .units: ("/units", [])
        case .unitsMatching(_): ("/units", [])
        case .unit(let id): ("/units/:unitID", [id])
        case .unitAfterMerge(let id, _): ("/units/:unitID", [id])
        case .unitMerge(let id): ("/units/:unitID/merge", [id])
        case .unitContacts(let id): ("/units/:unitID/contacts", [id])
        case .unitContactsSaved(let id): ("/units/:unitID", [id])
        case .unitContactsPanel(let id): ("/units/:unitID", [id])
        case .leaders: ("/leaders", [])
        case .leader(let id): ("/leaders/:leaderID", [id])
        case .leaderPage(let id, _): ("/leaders/:leaderID", [id])
        case .search: ("/search", [])
        case .searchWith(_): ("/search", [])
        case .stylesheet: ("/css/duban.css", [])
        case .audit: ("/audit", [])
        case .auditWith(_): ("/audit", [])
        case .login: ("/login", [])
        case .loginWith(_): ("/login", [])
        case .logout: ("/logout", [])
        case .logoutEverywhere: ("/logout/everywhere", [])
        case .account: ("/account", [])
        case .accountAfter(_): ("/account", [])
        case .accountPassword: ("/account/password", [])
        case .accountTokens: ("/account/tokens", [])
        case .accountTokensAfter(_): ("/account/tokens", [])
        case .accountTokenRevoke(let id): ("/account/tokens/:tokenID/revoke", [id])
        case .apiDocument: ("/api/v1/openapi.yaml", [])
        case .adminUsers: ("/admin/users", [])
        case .adminUser(let id): ("/admin/users/:userID", [id])
        case .adminUserAfter(let id, _): ("/admin/users/:userID", [id])
        case .adminUserPassword(let id): ("/admin/users/:userID/password", [id])
        case .adminUserDisable(let id): ("/admin/users/:userID/disable", [id])
        case .adminUserEnable(let id): ("/admin/users/:userID/enable", [id])
        case .adminWebhooks: ("/admin/webhooks", [])
        case .adminWebhooksAfter(_): ("/admin/webhooks", [])
        case .adminWebhookDisable(let id): ("/admin/webhooks/:webhookID/disable", [id])
        case .adminWebhookEnable(let id): ("/admin/webhooks/:webhookID/enable", [id])
        case .adminWebhookDelete(let id): ("/admin/webhooks/:webhookID/delete", [id])
        case .adminWebhookDeliveryRetry(let id): ("/admin/webhooks/deliveries/:deliveryID/retry", [id])
        case .adminWebhookNetwork: ("/admin/webhooks/network", [])
        case .importNew: ("/imports/new", [])
        case .imports: ("/imports", [])
        case .importDraft(let id): ("/imports/:draftID", [id])
        case .importDraftSaved(let id): ("/imports/:draftID", [id])
        case .importMapping(let id): ("/imports/:draftID/mapping", [id])
        case .importPublish(let id): ("/imports/:draftID/publish", [id])
        case .importRevision(_): ("/imports/new", [])
        case .importTask(let id, _): ("/imports/:draftID/task", [id])
        case .importTaskSaved(let id, _): ("/imports/:draftID", [id])
        case .importTaskReset(let id): ("/imports/:draftID/task/reset", [id])
        case .importHandTask(let id, _): ("/imports/:draftID/tasks/new", [id])
        case .importDetails(let id): ("/imports/:draftID/details", [id])
        case .importTemplate: ("/imports/template.xlsx", [])
        case .importDraftTemplate(let id): ("/imports/:draftID/template.xlsx", [id])
        case .importDiscard(let id): ("/imports/:draftID/discard", [id])
        case .importConfirm(let id): ("/imports/:draftID/confirm", [id])
        case .importsAfterDiscard: ("/imports", [])
        case .taskReporting(let id): ("/tasks/:taskID/reporting", [id])
        case .taskReportingFor(let id, _): ("/tasks/:taskID/reporting", [id])
        case .taskReports(let id): ("/tasks/:taskID/reports", [id])
        case .taskWorkPlans(let id): ("/tasks/:taskID/workplans", [id])
        case .report(let id): ("/reports/:reportID", [id])
        case .taskInstructions(let id): ("/tasks/:taskID/instructions", [id])
        case .reportReview(let id): ("/reports/:reportID/review", [id])
        case .flagDismiss(let id): ("/flags/:flagID/dismiss", [id])
        case .workPlanReview(let id): ("/workplans/:workPlanID/review", [id])
        case .attachment(let id): ("/attachments/:attachmentID", [id])
        case .unitDesk(let id): ("/units/:unitID/desk", [id])
        case .notifications: ("/notifications", [])
        case .notificationsRead: ("/notifications/read", [])
        case .oversight: ("/oversight", [])
        case .oversightWith(_): ("/oversight", [])
        case .oversightUrge: ("/oversight/urge", [])
        case .reviewQueue: ("/oversight/reviews", [])
        case .reviewQueueWith(_): ("/oversight/reviews", [])
        case .planRules(let id): ("/plans/:planID/rules", [id])
        case .publicPlan(_): ("/public/:token", [])
        case .planPublic(let id): ("/plans/:planID/public", [id])
        case .planParents(let id): ("/plans/:planID/parents", [id])
        case .planTargets(let id): ("/plans/:planID/targets", [id])
        case .planTargetsPage(let id, _): ("/plans/:planID/targets", [id])
        case .planTargetsXlsx(let id): ("/plans/:planID/targets.xlsx", [id])
        case .planExportXlsx(let id): ("/plans/:planID/breakdown.xlsx", [id])
        case .planExportCsv(let id): ("/plans/:planID/breakdown.csv", [id])
        case .unitWorkPlansXlsx(let id): ("/units/:unitID/workplans.xlsx", [id])
        case .planProgressXlsx(let id, _): ("/plans/:planID/progress.xlsx", [id])
        case .unitProgressXlsx(let id, _, _): ("/units/:unitID/progress.xlsx", [id])
        case .planContactsXlsx(let id): ("/plans/:planID/contacts.xlsx", [id])
        case .unitContactsXlsx(let id): ("/units/:unitID/contacts.xlsx", [id])
        case .planWithdraw(let id): ("/plans/:planID/withdraw", [id])
        case .planRestore(let id): ("/plans/:planID/restore", [id])
        case .rounds: ("/rounds", [])
        case .roundNew(_): ("/rounds/new", [])
        case .round(let id): ("/rounds/:roundID", [id])
        case .roundAfter(let id, _): ("/rounds/:roundID", [id])
        case .roundFindings(let id): ("/rounds/:roundID/findings", [id])
        case .roundClose(let id): ("/rounds/:roundID/close", [id])
        case .finding(let id): ("/findings/:findingID", [id])
        case .findingAfter(let id, _): ("/findings/:findingID", [id])
        case .findingResponses(let id): ("/findings/:findingID/responses", [id])
        case .findingReview(let id): ("/findings/:findingID/review", [id])
        case .findingAttachment(let id): ("/finding-files/:attachmentID", [id])
        case .scoresIndex: ("/scores", [])
        case .scores(let plan, _): ("/plans/:planID/scores", [plan])
        case .scoresAfter(let plan, _, _): ("/plans/:planID/scores", [plan])
        case .unitScore(let plan, let unit, _): ("/plans/:planID/scores/units/:unitID", [plan, unit])
        case .scoresPublish(let plan): ("/plans/:planID/scores/publish", [plan])
        case .scoringScheme(let plan): ("/plans/:planID/scoring", [plan])
        case .scoringSchemeAfter(let plan, _): ("/plans/:planID/scoring", [plan])
        case .scoresXlsx(let plan, _): ("/plans/:planID/scores.xlsx", [plan])
        case .bulletins: ("/bulletins", [])
        case .bulletinsAfterDiscard: ("/bulletins", [])
        case .bulletinNew: ("/bulletins/new", [])
        case .bulletin(let id): ("/bulletins/:bulletinID", [id])
        case .bulletinAfter(let id, _): ("/bulletins/:bulletinID", [id])
        case .bulletinRefresh(let id): ("/bulletins/:bulletinID/refresh", [id])
        case .bulletinIssue(let id): ("/bulletins/:bulletinID/issue", [id])
        case .bulletinDiscard(let id): ("/bulletins/:bulletinID/discard", [id])
        case .bulletinDocument(let id): ("/bulletins/:bulletinID/document.docx", [id])
        case .bulletinAnnex(let id): ("/bulletins/:bulletinID/annex.xlsx", [id])
        }
    }

    /// The query string or fragment after the route's path; empty for most links.
    private var suffix: String {
        switch self {
        case .planSection(_, let anchor): "?section=\(anchor)#\(anchor)"
        case .planPage(_, let page): page > 1 ? "?page=\(page)" : ""
        case .planTargetsPage(_, let page), .leaderPage(_, let page): page > 1 ? "?page=\(page)" : ""
        case .unitsMatching(let query): Self.queryString([("q", query)])
        case .unitAfterMerge(_, let moved): "?merged=\(moved)"
        case .unitContactsSaved(_): "?contacts=saved"
        case .unitContactsPanel(_): "#contacts"
        case .searchWith(let items): Self.queryString(items)
        case .auditWith(let items): Self.queryString(items)
        case .loginWith(let items): Self.queryString(items)
        case .accountAfter(let change): Self.queryString([("done", change)])
        case .accountTokensAfter(let change): Self.queryString([("done", change)])
        case .adminUserAfter(_, let change): Self.queryString([("done", change)])
        case .adminWebhooksAfter(let change): Self.queryString([("done", change)])
        case .importDraftSaved(_): "?saved=1#mapping"
        case .importRevision(let plan): Self.queryString([("revise", Self.slug(plan))])
        case .importTask(_, let reference): Self.queryString([("ref", reference)])
        case .importTaskSaved(_, let anchor): "?saved=2#\(anchor)"
        case .importHandTask(_, let line): Self.queryString([("line", line.map(String.init) ?? "")])
        case .importsAfterDiscard: "?discarded=1"
        case .taskReportingFor(_, let period): Self.queryString([("period", period)])
        case .oversightWith(let items): Self.queryString(items)
        case .reviewQueueWith(let items): Self.queryString(items)
        case .roundNew(let plan): Self.queryString([("plan", plan.map(Self.slug) ?? "")])
        case .roundAfter(_, let change): Self.queryString([("done", change)])
        case .findingAfter(_, let change): Self.queryString([("done", change)])
        case .scores(_, let period): Self.queryString([("period", period ?? "")])
        case .scoresAfter(_, let period, let done): Self.queryString([("period", period), ("done", done)])
        case .unitScore(_, _, let period): Self.queryString([("period", period ?? "")])
        case .scoringSchemeAfter(_, let change): Self.queryString([("done", change)])
        case .scoresXlsx(_, let period): Self.queryString([("period", period ?? "")])
        case .bulletinsAfterDiscard: "?discarded=1"
        case .planProgressXlsx(_, let period): Self.queryString([("period", period ?? "")])
        case .unitProgressXlsx(_, let plan, let period):
            Self.queryString([("plan", plan.map(Self.slug) ?? ""), ("period", period ?? "")])
        case .bulletinAfter(_, let change): Self.queryString([("done", change)])
        default: ""
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

extension UUID {
    /// Stands for a route's id parameter when a `SiteURL` is asked for its route
    /// (`SiteURL.plan(.parameter).pathComponents`); never a record's id.
    static let parameter = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
