import DubanCore
import Fluent
import Vapor

/// A plan's reporting rules for the 督查室: what the notice said, the rules in force, and the form to change
/// them. Registered behind `RequirePermission(.superviseReporting)`.
struct PlanRulesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planRules(.parameter).pathComponents, use: show)
        routes.post(SiteURL.planRules(.parameter).pathComponents, use: save)
    }

    @Sendable func show(req: Request) async throws -> View {
        let plan = try await findPlan(req)
        let reporting = try await PlanReporting.load(plan, readingNotice: true, on: req.db)
        let saved = (try? req.query.get(Int.self, at: "saved")) == 1
        let parent = try await ParentPlanRules.load(forPlan: try plan.requireID(), on: req.db)
        // "按上级时限推算": the form filled with the derived rules, saved only when the 督查室 saves it.
        if let parent, let days = try? req.query.get(Int.self, at: "derive") {
            guard (0...60).contains(days) else {
                return try await req.view.render(
                    "reporting/rules",
                    try page(
                        req, plan: plan, reporting: reporting, form: RulesForm(reporting.rules), parent: parent,
                        notice: "", error: "提前天数应在0到60天之间。"))
            }
            let derived = reporting.rules.derived(from: parent.reporting.rules, daysEarlier: days, year: plan.year)
            return try await req.view.render(
                "reporting/rules",
                try page(
                    req, plan: plan, reporting: reporting, form: RulesForm(derived), parent: parent, derivedDays: days,
                    notice:
                        "已按\(parent.government)的报送时限提前\(days)天填入下表（\(Self.dues(derived, year: plan.year))），核对后保存才会生效。",
                    error: ""))
        }
        return try await req.view.render(
            "reporting/rules",
            try page(
                req, plan: plan, reporting: reporting, form: RulesForm(reporting.rules), parent: parent,
                notice: saved ? "报送规则已保存，提醒和红黄绿灯即按新规则计算。" : "", error: ""))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let plan = try await findPlan(req)
        let form = (try? req.content.decode(RulesForm.self)) ?? RulesForm(.default)
        do {
            let rules = try form.rules()
            try await PlanReporting.save(rules, for: plan, actor: req.auditActor, requestID: req.requestID, on: req.db)
            return req.redirect(to: SiteURL.planRules(try plan.requireID()).path + "?saved=1")
        } catch {
            let message = (error as? RulesForm.Problem)?.message ?? (error as? ReportingRulesError)?.message
            guard let message else { throw error }
            let reporting = try await PlanReporting.load(plan, readingNotice: true, on: req.db)
            let parent = try await ParentPlanRules.load(forPlan: try plan.requireID(), on: req.db)
            return try await req.answer(
                req.view.render(
                    "reporting/rules",
                    try page(
                        req, plan: plan, reporting: reporting, form: form, parent: parent, notice: "", error: message)
                ), status: .unprocessableEntity)
        }
    }

    /// "第一季度4月5日前、第二季度7月5日前…": the due days the rules give the plan's year.
    private static func dues(_ rules: ReportingRules, year: Int) -> String {
        rules.reportedPeriods(in: year).compactMap { period in
            rules.dueRule.dueDay(for: period).map { "\(period.shortLabel)\($0.chineseMonthDay)前" }
        }.joined(separator: "、")
    }

    /// Several rules often come from one sentence; it is quoted once.
    private func unique(_ quotes: [String]) -> [String] {
        var seen = Set<String>()
        return quotes.filter { seen.insert($0).inserted }
    }

    private func findPlan(_ req: Request) async throws -> Plan {
        let planID = try req.requireID("planID", orThrow: .planNotFound)
        guard let plan = try await Plan.find(planID, on: req.db),
            plan.$government.id == (try req.currentUser().governmentID)
        else { throw PageError.planNotFound }
        return plan
    }

    private func page(
        _ req: Request, plan: Plan, reporting: PlanReporting, form: RulesForm, parent: ParentPlanRules?,
        derivedDays: Int = ParentPlanRules.defaultDaysEarlier, notice: String, error: String
    ) throws -> RulesPage {
        let planID = try plan.requireID()
        let origin: String
        switch reporting.origin {
        case .saved: origin = "督查室已设定"
        case .detected: origin = "按方案通知原文识别，尚未确认"
        case .defaults: origin = "通知中没有写明，使用默认规则"
        }
        let chrome = try PageChrome(
            for: req, title: "报送规则 · \(plan.title)", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: plan.title, href: SiteURL.plan(planID).path),
                .init(label: "报送规则", href: ""),
            ])
        func option(_ value: String, _ label: String, _ current: String?) -> RulesPage.Option {
            .init(value: value, label: label, selected: value == current)
        }
        return RulesPage(
            page: chrome, planTitle: plan.title, planHref: SiteURL.plan(planID).path, origin: origin,
            notice: notice, error: error, detected: reporting.detected?.notes ?? [],
            quotes: unique(reporting.detected?.findings.map(\.quote) ?? []), current: reporting.rules.describe(),
            deadlines: reporting.calendar.deadlines.map { "\($0.period.label)：\($0.due.chinese)前" },
            action: SiteURL.planRules(planID).path, form: form,
            cycles: ReportingCycle.allCases.map { option($0.rawValue, $0.label, form.cycle) },
            dueKinds: [
                option("following", "期末次月的固定日（如次月20日）", form.dueKind ?? "following"),
                option("after", "期末后若干天内", form.dueKind), option("fixed", "逐期规定的日期", form.dueKind),
            ],
            reporters: ReportingRules.Reporter.allCases.map { option($0.rawValue, $0.label, form.reporter) },
            parent: parent.map { parent in
                RulesPage.Parent(
                    title: "\(parent.government)《\(parent.planTitle)》",
                    deadlines: parent.reporting.calendar.deadlines.map { "\($0.period.shortLabel) \($0.due.chinese)前" },
                    days: derivedDays)
            })
    }
}

/// The rules page.
struct RulesPage: Encodable {
    /// A select option.
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    var page: PageChrome
    var planTitle: String
    var planHref: String
    var origin: String
    var notice: String
    var error: String
    var detected: [String]
    var quotes: [String]
    var current: [String]
    var deadlines: [String]
    var action: String
    var form: RulesForm
    var cycles: [Option]
    var dueKinds: [Option]
    var reporters: [Option]
    /// The higher plan this plan answers, whose due dates the form can be filled from; nil for a plan of its own.
    var parent: Parent?

    struct Parent: Encodable {
        var title: String
        var deadlines: [String]
        var days: Int
    }
}
