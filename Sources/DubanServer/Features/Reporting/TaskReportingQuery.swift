import DubanCore
import Fluent
import Foundation
import Vapor

/// Builds the task reporting page from the task's duty, its plan's rules, and every version of its work plans
/// and reports.
enum TaskReportingQuery {
    /// Everything the page needs to be authorized and drawn.
    struct Loaded {
        var task: TaskRecord
        var duty: TaskDuty?
        var reporting: PlanReporting
        var reports: [ProgressReport]
        var workPlans: [WorkPlan]
        var ownership: Ownership
        /// The reporting units' standing today.
        var statuses: [DutyStatus]
        var contacts: [UUID: ClerkContacts.Hint]
        /// Leaders' 批示 on the task, newest first, with the units' answers.
        var instructions: [Instruction]
    }

    /// Who holds a task, for deciding who may read its reports — its own government's units, and across levels
    /// the higher task's units and the governments above (`CascadeAccess`); nil when there is no such task.
    static func ownership(taskID: UUID, on database: any Database) async throws -> Ownership? {
        guard
            let task = try await TaskRecord.query(on: database).filter(\.$id == taskID).with(\.$plan)
                .with(\.$assignments).first()
        else { return nil }
        return try await CascadeAccess.ownership(of: task, on: database)
    }

    /// The task with its reports, whatever its government: the caller asks the policy with `ownership`; nil
    /// when there is no such task.
    static func load(taskID: UUID, today: CalendarDay, on database: any Database) async throws -> Loaded? {
        guard
            let task = try await TaskRecord.query(on: database).filter(\.$id == taskID).with(\.$plan)
                .with(\.$assignments).first()
        else { return nil }
        let (duties, plans) = try await TaskDuty.load(.tasks([taskID]), on: database)
        let duty = duties.first
        // A withdrawn task has no duty, and so no rules from `TaskDuty`; its page still shows them.
        let reporting: PlanReporting
        if let known = plans[task.$plan.id] {
            reporting = known
        } else {
            reporting = try await PlanReporting.load(task.plan, on: database)
        }
        let reports = try await ProgressReport.query(on: database).filter(\.$task.$id == taskID)
            .with(\.$unit).with(\.$actuals).with(\.$attachments).with(\.$flags).sort(\.$version, .descending).all()
        let workPlans = try await WorkPlan.query(on: database).filter(\.$task.$id == taskID).with(\.$unit)
            .with(\.$items).sort(\.$version, .descending).all()
        let ownership = try await CascadeAccess.ownership(of: task, on: database)
        let statuses = try await DutyStatus.board(duties, plans: plans, today: today, on: database)
        let contacts = try await ClerkContacts.load(unitIDs: Set(duty?.reporters.map(\.id) ?? []), on: database)
        let instructions = try await Instruction.query(on: database).filter(\.$task.$id == taskID)
            .with(\.$replies) { $0.with(\.$unit) }.sort(\.$createdAt, .descending).all()
        return Loaded(
            task: task, duty: duty, reporting: reporting, reports: reports, workPlans: workPlans, ownership: ownership,
            statuses: statuses, contacts: contacts, instructions: instructions)
    }

    /// The task's page again after a refused action (a review, a 批示), with its message at the top.
    static func pageAfterRefusal(taskID: UUID, req: Request, error: String) async throws -> TaskReportingPage {
        guard
            let loaded = try await load(taskID: taskID, today: req.clock.today(), on: req.db)
        else { throw PageError.taskNotFound }
        return try page(loaded, req: req, period: nil, notice: "", error: error)
    }

    /// Whom to call at a unit, when the policy lets the signed-in user see that unit's contacts.
    private static func contact(_ loaded: Loaded, unitID: UUID, governmentID: UUID, req: Request) -> ClerkContacts.Hint?
    {
        guard req.allows(.viewContacts, on: Ownership(governmentID: governmentID, unitIDs: [unitID])) else {
            return nil
        }
        return loaded.contacts[unitID]
    }

    /// The page for the signed-in user.
    static func page(
        _ loaded: Loaded, req: Request, period requested: String?, notice: String, error: String,
        typed: ReportForm? = nil, typedWorkPlan: [WorkPlanFiling.Item]? = nil
    ) throws -> TaskReportingPage {
        let user = try req.currentUser()
        let today = req.clock.today()
        let task = loaded.task
        let taskID = try task.requireID()
        let calendar = loaded.reporting.calendar
        let duty = loaded.duty
        let reporterIDs = Set(duty?.reporters.map(\.id) ?? [])
        // The 督查室 reviews its own government's reports; a higher office reads them.
        let canReview = req.allows(.superviseReporting, on: Ownership(governmentID: loaded.ownership.governmentID))
        let measure = Measure(loaded)
        let chrome = try PageChrome(
            for: req, title: "任务 \(task.number) 报送", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path),
                .init(label: task.plan.title, href: SiteURL.plan(task.plan.id ?? taskID).path),
                .init(label: "任务 \(task.number)", href: SiteURL.task(taskID).path),
                .init(label: "报送", href: ""),
            ])
        let header = TaskReportingPage.TaskHeader(
            number: task.number, text: task.text, planTitle: task.plan.title,
            planHref: SiteURL.plan(task.plan.id ?? taskID).path, taskHref: SiteURL.task(taskID).path,
            withdrawn: task.withdrawnAt != nil || task.plan.withdrawnAt != nil,
            reporters: duty?.reporters.map(\.name).joined(separator: "、") ?? "",
            contributors: duty?.contributors.map(\.name).joined(separator: "、") ?? "")

        // Work plans, grouped by unit, reporting units first.
        var planGroups: [UUID: [WorkPlan]] = [:]
        for plan in loaded.workPlans { planGroups[plan.$unit.id, default: []].append(plan) }
        let workPlans = try planGroups.values.compactMap { versions -> TaskReportingPage.WorkPlanBlock? in
            guard let current = versions.first else { return nil }
            return TaskReportingPage.WorkPlanBlock(
                unitName: current.unit.name, isReporter: reporterIDs.contains(current.$unit.id),
                current: try workPlanVersion(current, canReview: canReview),
                older: try versions.dropFirst().map { try workPlanVersion($0, canReview: false) })
        }.sorted { ($0.isReporter ? 0 : 1, $0.unitName) < ($1.isReporter ? 0 : 1, $1.unitName) }

        // Periods with their reports and contributions.
        let periods = try calendar.deadlines.map { deadline -> TaskReportingPage.PeriodBlock in
            let key = deadline.period.key
            let inPeriod = loaded.reports.filter { $0.period == key }
            var byUnit: [UUID: [ProgressReport]] = [:]
            for report in inPeriod where report.kind == .report { byUnit[report.$unit.id, default: []].append(report) }
            let blocks = try byUnit.values.compactMap { versions -> TaskReportingPage.ReportBlock? in
                guard let current = versions.first else { return nil }
                return TaskReportingPage.ReportBlock(
                    unitName: current.unit.name,
                    current: try reportVersion(current, canReview: canReview, measure: measure),
                    older: try versions.dropFirst().map { try reportVersion($0, canReview: false, measure: measure) })
            }.sorted { $0.unitName < $1.unitName }
            let contributions = try inPeriod.filter { $0.kind == .contribution && $0.state != .superseded }
                .map { try reportVersion($0, canReview: false, measure: measure) }
            let phase =
                deadline.hasPassed(on: today) ? "closed" : deadline.period.firstDay <= today ? "open" : "upcoming"
            return TaskReportingPage.PeriodBlock(
                key: key, label: deadline.period.label, due: deadline.due.chinese, phase: phase, reports: blocks,
                contributions: contributions)
        }

        var filing: TaskReportingPage.Filing?
        if let unitID = user.unitID, let duty, task.withdrawnAt == nil,
            let unit = duty.units.first(where: { $0.id == unitID }),
            req.allows(.actOnTask, on: loaded.ownership)
        {
            filing = try filingForm(
                loaded, unit: unit, isReporter: reporterIDs.contains(unitID), today: today, requested: requested,
                typed: typed, typedWorkPlan: typedWorkPlan)
        }
        let instructions = try InstructionsBlock.make(
            loaded, canInstruct: req.allows(.instruct, on: loaded.ownership) && task.withdrawnAt == nil,
            action: SiteURL.taskInstructions(taskID).path)
        var page = TaskReportingPage(
            page: chrome, task: header,
            lights: loaded.statuses.map {
                .init(
                    $0,
                    contact: contact(loaded, unitID: $0.unit.id, governmentID: loaded.ownership.governmentID, req: req))
            },
            rules: loaded.reporting.rules.describe(),
            rulesHref: canReview ? SiteURL.planRules(task.plan.id ?? taskID).path : "", notice: notice, error: error,
            workPlans: workPlans, periods: periods, filing: filing, canReview: canReview,
            instructions: instructions, csrf: req.csrfToken)
        page.targetCharts = TaskTargetCharts.make(loaded)
        return page
    }

    /// The forms of the acting unit: the period to report (the one it is measured against), prefilled from its
    /// last report so nothing is typed twice, and its work plan rows.
    private static func filingForm(
        _ loaded: Loaded, unit: TaskDuty.UnitRef, isReporter: Bool, today: CalendarDay, requested: String?,
        typed: ReportForm?, typedWorkPlan: [WorkPlanFiling.Item]?
    ) throws -> TaskReportingPage.Filing {
        let taskID = try loaded.task.requireID()
        let calendar = loaded.reporting.calendar
        let measure = Measure(loaded)
        let kind: ProgressReport.Kind = isReporter ? .report : .contribution
        let mine = loaded.reports.filter { $0.$unit.id == unit.id && $0.kind == kind && $0.state != .superseded }
        // A returned report is to be filed again: the form reopens on its period, whatever else is due.
        let returned = mine.filter { $0.state == .returned }
            .min { ($0.period, $0.submittedAt) < ($1.period, $1.submittedAt) }
        let filed = Set(mine.filter { $0.state != .returned }.compactMap { ReportingPeriod(key: $0.period) })
        let watched =
            calendar.watchedDeadline(on: today, filed: filed)?.deadline.period
            ?? calendar.deadline(dueOnOrAfter: today)?.period ?? calendar.deadlines.last?.period
        let asked = requested.flatMap(ReportingPeriod.init(key:))
        let chosen = asked ?? returned.flatMap { ReportingPeriod(key: $0.period) } ?? watched
        let fixing = returned.flatMap { report in report.period == chosen?.key ? report : nil }
        let open = calendar.deadlines.filter { $0.period.firstDay <= today || $0.period == chosen }
        // Start from this period's current version, else the unit's latest report of any period.
        let samePeriod = mine.first { $0.period == chosen?.key }
        let latest = samePeriod ?? mine.sorted { $0.submittedAt > $1.submittedAt }.first
        let targets = TaskTargets.of(loaded.task.text)
        let previousActuals = latest?.actuals.sorted { $0.position < $1.position } ?? []
        let targetFields = targets.enumerated().map { index, target in
            let previous = previousActuals.first { $0.label == target.label && $0.unitOfMeasure == target.unit }
            return TaskReportingPage.TargetField(
                index: index, label: target.label, target: target.text, unit: target.unit,
                value: typed?.actual(index) ?? previous?.actualValue.map(format) ?? "")
        }
        let status = typed?.status ?? latest?.status.rawValue ?? ReportStatus.onSchedule.rawValue
        let currentPlan = loaded.workPlans.first { $0.$unit.id == unit.id }
        let startingItems =
            typedWorkPlan
            ?? (currentPlan?.items.sorted { $0.position < $1.position } ?? []).map {
                WorkPlanFiling.Item(
                    content: $0.content, plannedMonth: $0.plannedMonth, leader: $0.leader, department: $0.department)
            }
        var rows = startingItems.enumerated().map { index, item in
            TaskReportingPage.WorkPlanRow(
                index: index, content: item.content, month: item.plannedMonth.map(String.init) ?? "",
                leader: item.leader, department: item.department)
        }
        // Three empty rows to type into, within what a filing reads.
        for index in rows.count..<max(rows.count, min(rows.count + 3, WorkPlanFiling.maxItems + 5)) {
            rows.append(.init(index: index, content: "", month: "", leader: "", department: ""))
        }
        let contributions =
            isReporter
            ? try loaded.reports.filter {
                $0.kind == .contribution && $0.state != .superseded && $0.period == chosen?.key
            }.map { try reportVersion($0, canReview: false, measure: measure) } : []
        return TaskReportingPage.Filing(
            unitName: unit.name, isReporter: isReporter, reportAction: SiteURL.taskReports(taskID).path,
            workPlanAction: SiteURL.taskWorkPlans(taskID).path,
            periods: open.map {
                .init(
                    value: $0.period.key, label: "\($0.period.label)（\($0.due.chinese)前）", selected: $0.period == chosen
                )
            },
            statuses: ReportStatus.allCases.map {
                .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == status)
            },
            reason: typed?.reason ?? latest?.reason ?? "", narrative: typed?.narrative ?? latest?.narrative ?? "",
            targets: targetFields,
            keep: try (samePeriod?.attachments ?? []).map(attachmentLink),
            prefilledFrom: latest.map {
                "已按本单位\(ReportingPeriod(key: $0.period)?.label ?? "")第 \($0.version) 版预先填好，只需修改变化的部分。"
            } ?? "",
            contributionsToUse: contributions,
            answers: isReporter ? try InstructionsBlock.openAnswers(loaded, unitID: unit.id, typed: typed) : [],
            returned: fixing.map { report in
                .init(
                    period: report.period,
                    label: "\(ReportingPeriod(key: report.period)?.label ?? report.period)完成情况（第 \(report.version) 版）",
                    comment: report.reviewComment, reviewedAt: report.reviewedAt.map(DisplayTime.minute) ?? "",
                    otherPeriodHref: asked != nil
                        ? ""
                        : [watched, calendar.deadline(dueOnOrAfter: today)?.period].compactMap { $0 }
                            .first { $0 != chosen }
                            .map { SiteURL.taskReportingFor(taskID, period: $0.key).path + "#file" } ?? "")
            },
            workPlanReturn: currentPlan?.state == .returned ? currentPlan?.reviewComment ?? "" : "",
            workPlanRows: rows,
            maxWorkPlanItems: WorkPlanFiling.maxItems, maxWorkPlanRows: WorkPlanFiling.maxItems + 5,
            months: (1...12).map { .init(value: String($0), label: "\($0)月", selected: false) },
            maxFiles: EvidenceFile.maxFiles, maxMegabytes: EvidenceFile.maxBytes / 1024 / 1024)
    }

    private static func workPlanVersion(_ plan: WorkPlan, canReview: Bool) throws -> TaskReportingPage.WorkPlanVersion {
        let id = try plan.requireID()
        return TaskReportingPage.WorkPlanVersion(
            id: id.uuidString.lowercased(), version: plan.version, state: plan.state.rawValue,
            stateLabel: plan.state.label,
            submittedAt: DisplayTime.minute(plan.submittedAt), late: plan.daysLate > 0 ? "逾期 \(plan.daysLate) 天" : "",
            comment: plan.reviewComment,
            items: plan.items.sorted { $0.position < $1.position }.map {
                .init(content: $0.content, month: "\($0.plannedMonth)月", leader: $0.leader, department: $0.department)
            },
            reviewAction: SiteURL.workPlanReview(id).path, awaitingReview: canReview && plan.state == .submitted)
    }

    /// What a report's figures are measured against: the task's targets and the plan's 序时 rule.
    struct Measure {
        var targets: [QuantifiedTarget]
        var pace: PaceRule

        init(_ loaded: Loaded) {
            targets = TaskTargets.of(loaded.task.text)
            pace = loaded.reporting.rules.pace
        }

        /// 超额 / 已完成 / 达到序时 / 未达序时 of a figure at the report's period, with its class; nil when the
        /// figure is missing or matches no target of the task.
        func attainment(of actual: ReportActual, period: String) -> PaceAttainment? {
            guard let value = actual.actualValue, let period = ReportingPeriod(key: period) else { return nil }
            return PaceAttainment.assess(
                actual: value, label: actual.label, unit: actual.unitOfMeasure, among: targets, at: period, rule: pace)
        }
    }

    private static func reportVersion(_ report: ProgressReport, canReview: Bool, measure: Measure) throws
        -> TaskReportingPage.ReportVersion
    {
        let id = try report.requireID()
        return TaskReportingPage.ReportVersion(
            id: id.uuidString.lowercased(), anchor: "report-\(id.uuidString.lowercased())", unitName: report.unit.name,
            version: report.version, status: report.status.rawValue, statusLabel: report.status.label,
            reason: report.reason, narrative: report.narrative, state: report.state.rawValue,
            stateLabel: report.kind == .contribution ? "配合材料" : report.state.label,
            late: report.daysLate > 0 ? "逾期 \(report.daysLate) 天" : "",
            submittedAt: DisplayTime.minute(report.submittedAt),
            comment: report.reviewComment,
            actuals: report.actuals.sorted { $0.position < $1.position }.map { actual in
                let unit = actual.unitOfMeasure
                let attainment = measure.attainment(of: actual, period: report.period)
                return .init(
                    label: actual.label, target: actual.targetValue.map { format($0) + unit } ?? "",
                    actual: actual.actualValue.map { format($0) + unit } ?? "未填",
                    pace: attainment?.text ?? "", paceStanding: attainment?.standing.rawValue ?? "",
                    source: actual.source ?? "")
            },
            attachments: try report.attachments.map(attachmentLink),
            reviewAction: SiteURL.reportReview(id).path,
            awaitingReview: canReview && report.state == .submitted && report.kind == .report,
            flags: try report.$flags.value.map { flags in
                try flags.sorted { $0.createdAt < $1.createdAt }.map { try flagLine($0, canDismiss: canReview) }
            } ?? [])
    }

    /// A quality flag as the report shows it, with the 督查室's dismiss form while it stands.
    private static func flagLine(_ flag: ReportFlag, canDismiss: Bool) throws -> TaskReportingPage.FlagLine {
        let dismissed = flag.dismissedAt.map { at in
            "已排除：\(flag.dismissReason ?? "")（\(flag.dismissedBy ?? "")，\(DisplayTime.minute(at))）"
        }
        return .init(
            label: flag.kind.label, evidence: flag.evidence,
            relatedHref: flag.$relatedReport.id.map { SiteURL.report($0).path } ?? "", dismissed: dismissed ?? "",
            dismissAction: canDismiss && flag.dismissedAt == nil ? SiteURL.flagDismiss(try flag.requireID()).path : "")
    }

    private static func attachmentLink(_ attachment: ReportAttachment) throws -> TaskReportingPage.AttachmentLink {
        let id = try attachment.requireID()
        return .init(
            id: id.uuidString.lowercased(), name: attachment.fileName, size: DisplayTime.bytes(attachment.byteCount),
            href: SiteURL.attachment(id).path)
    }

    /// A figure without a needless ".0".
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
