import DubanCore
import Fluent
import Vapor

/// The page between "发布" and a published plan: what will be made (plans, tasks, new units and leaders),
/// which reporting rules apply and how many reports will be overdue at once, with the choice to start from
/// the next report; a plan repeating a published one is shown with a link and cannot be published.
struct PublishConfirmation {
    @Sendable func page(req: Request) async throws -> View {
        let draft = try await ImportController.findDraft(req)
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let draftID = try draft.requireID()
        guard draft.revisesPlanID == nil else {
            throw Abort.redirect(to: SiteURL.importDraft(draftID).path + "#publish")
        }
        let today = req.clock.today()
        let forecast = try await PublishForecast.make(draft, today: today, on: req.db)
        let chrome = try PageChrome(
            for: req, title: "确认发布：\(draft.fileName)", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: "导入方案", href: SiteURL.importNew.path),
                .init(label: draft.fileName, href: SiteURL.importDraft(draftID).path), .init(label: "确认发布", href: ""),
            ])
        let undecided = forecast.undecided
        let page = PublishConfirmationPage(
            page: chrome, backHref: SiteURL.importDraft(draftID).path,
            mappingHref: SiteURL.importDraft(draftID).path + "#mapping", action: SiteURL.importPublish(draftID).path,
            plans: forecast.plans.map { plan in
                let overdue = plan.pastDeadlines.count * plan.taskCount
                return .init(
                    title: plan.title, year: String(plan.year), docNumber: plan.docNumber ?? "",
                    taskCount: plan.taskCount, rules: plan.rules.describe(),
                    rulesOrigin: plan.rulesFromNotice ? "从方案通知中读出" : "通知未写明，按默认规则",
                    pastPeriods: plan.pastDeadlines.map { "\($0.period.label)（\($0.due.month)月\($0.due.day)日前）" }
                        .joined(separator: "、"),
                    overdueReports: overdue, yearIsPast: plan.year < today.year,
                    duplicateTitle: plan.duplicate.map { "《\($0.title)》（\($0.year) 年）" } ?? "",
                    duplicateSharedBy: plan.duplicate?.sharedBy ?? "",
                    duplicateHref: plan.duplicate.map { SiteURL.plan($0.id).path } ?? "")
            },
            newUnits: forecast.newUnits, newLeaders: forecast.newLeaders, undecided: undecided.count,
            canPublish: !forecast.plans.isEmpty && !forecast.hasDuplicate && undecided.isEmpty,
            skipPastChecked: forecast.plans.contains { $0.year < today.year },
            hasPastReports: forecast.plans.contains { !$0.pastDeadlines.isEmpty },
            revisionHref: SiteURL.importNew.path)
        return try await req.view.render("imports/confirm", page)
    }
}

/// The confirmation page.
struct PublishConfirmationPage: Encodable {
    struct Plan: Encodable {
        var title: String
        var year: String
        var docNumber: String
        var taskCount: Int
        var rules: [String]
        var rulesOrigin: String
        /// The periods whose reports are already due, with their due days; empty when none is.
        var pastPeriods: String
        /// Reports that would be overdue at once: every task for every past period.
        var overdueReports: Int
        var yearIsPast: Bool
        var duplicateTitle: String
        var duplicateSharedBy: String
        var duplicateHref: String
    }

    var page: PageChrome
    var backHref: String
    var mappingHref: String
    var action: String
    var plans: [Plan]
    var newUnits: [String]
    var newLeaders: [String]
    var undecided: Int
    var canPublish: Bool
    var skipPastChecked: Bool
    var hasPastReports: Bool
    var revisionHref: String
}
