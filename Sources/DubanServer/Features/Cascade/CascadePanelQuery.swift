import DubanCore
import Fluent
import Vapor

/// Builds a task page's `CascadePanel` for the signed-in user.
enum CascadePanelQuery {
    /// The panel of `task` (its plan and assignments loaded).
    static func load(_ task: TaskRecord, req: Request) async throws -> CascadePanel {
        let taskID = try task.requireID()
        let own = task.plan.$government.id == (try req.currentUser().governmentID)
        let links = try await TaskLink.query(on: req.db)
            .group(.or) { $0.filter(\.$task.$id == taskID).filter(\.$parent.$id == taskID) }.all()
        let upward = links.first { $0.$task.id == taskID }
        var panel = CascadePanel(
            parent: nil, children: [], totals: [],
            editHref: own && req.allows(.importPlans) && (upward != nil || task.parentText != nil)
                ? SiteURL.planParents(task.$plan.id).path + "#link-\(taskID.uuidString.lowercased())" : "")
        if let upward, let parentID = upward.$parent.id, upward.state == .confirmed || own {
            panel.parent = try await parentBlock(of: task, parentID: parentID, link: upward, req: req)
        }
        let downward = links.filter { $0.$parent.id == taskID && $0.state == .confirmed }.map(\.$task.id)
        if !downward.isEmpty {
            (panel.children, panel.totals, panel.sums) = try await children(of: task, childIDs: downward, req: req)
        }
        if let parent = panel.parent {
            panel.hasParent = true
            panel.jumpHref = SiteURL.task(taskID).path + "#parent"
            let due = parent.dueDates.isEmpty ? "" : "，上级报送时限：" + parent.dueDates.joined(separator: "、")
            panel.jumpText = "上级任务：\(parent.government)第 \(parent.number) 项\(due)"
        } else if !panel.children.isEmpty {
            panel.jumpHref = SiteURL.task(taskID).path + "#below"
            panel.jumpText = "下级落实情况：\(panel.children.count) 个下级政府的任务"
        }
        return panel
    }

    /// The higher task, its plan's due dates and the targets compared.
    private static func parentBlock(of task: TaskRecord, parentID: UUID, link: TaskLink, req: Request) async throws
        -> CascadePanel.ParentBlock?
    {
        guard
            let parent = try await TaskRecord.query(on: req.db).filter(\.$id == parentID).with(\.$plan)
                .with(\.$assignments).first()
        else { return nil }
        let government = try await Government.find(parent.plan.$government.id, on: req.db)
        let reporting = try await PlanReporting.load(parent.plan, on: req.db)
        let readable = req.allows(.read, on: try await CascadeAccess.ownership(of: parent, on: req.db))
        return CascadePanel.ParentBlock(
            government: government?.shortName ?? "", planTitle: parent.plan.title, number: parent.number,
            text: parent.text, href: readable ? SiteURL.task(parentID).path : "", stateLabel: link.state.label,
            isSuggested: link.state == .suggested, deadline: parent.deadline ?? "",
            dueDates: reporting.calendar.deadlines.map { "\($0.due.chineseMonthDay)前报\($0.period.label)" },
            localisations: lines(
                TargetLocalisation.compare(parentText: parentWords(task, parent), localText: task.text)))
    }

    /// The words the lower task localises: its quotation of the parent when it has one, the parent's own text
    /// otherwise.
    static func parentWords(_ task: TaskRecord, _ parent: TaskRecord) -> String {
        if let quoted = task.parentText, !quoted.isEmpty { return quoted }
        return parent.text
    }

    /// The lower governments' tasks, each with its standing, and the totals.
    private static func children(of task: TaskRecord, childIDs: [UUID], req: Request) async throws
        -> ([CascadePanel.ChildRow], [CascadePanel.TotalLine], [CascadePanel.FigureSum])
    {
        let tasks = try await TaskRecord.query(on: req.db).filter(\.$id ~~ childIDs).filter(\.$withdrawnAt == nil)
            .with(\.$plan).with(\.$assignments) { $0.with(\.$unit) }.all()
        let governments = try await Government.query(on: req.db)
            .filter(\.$id ~~ Set(tasks.map(\.plan.$government.id))).all()
        var names: [UUID: String] = [:]
        for government in governments { names[try government.requireID()] = government.shortName }
        let statuses = try await DutyStatus.board(.tasks(childIDs), today: req.clock.today(), on: req.db)
        let parentReporting = try await PlanReporting.load(task.plan, on: req.db)
        let childReporting = try await PlanReporting.load(planIDs: Array(Set(tasks.map(\.$plan.id))), on: req.db)
        var rows: [(String, CascadePanel.ChildRow)] = []
        var localisations: [[TargetLocalisation]] = []
        var reached: [QuantifiedTarget: (sum: Double, count: Int)] = [:]
        let ownTargets = TaskTargets.of(task.text)
        var sums: [String: (value: Double, parts: [String])] = [:]
        for child in tasks {
            let childID = try child.requireID()
            let compared = TargetLocalisation.compare(parentText: parentWords(child, task), localText: child.text)
            localisations.append(compared)
            let own = statuses.filter { $0.duty.taskID == childID }
            let worst = own.max { $0.light < $1.light }
            let latest = own.compactMap { status in status.reports.last { $0.state != .returned } }
                .max { $0.submittedOn < $1.submittedOn }
            var figures: [String] = []
            if let latest {
                let targets = TaskTargets.of(child.text)
                let pace = (childReporting[child.$plan.id] ?? parentReporting).rules.pace
                figures = ScoreRecords.figures(latest, targets: targets, pace: pace).map {
                    "\($0.text)（目标\($0.target)，\($0.standing.label)）"
                }
                add(latest, localisations: compared, to: &reached)
            }
            let government = names[child.plan.$government.id] ?? ""
            if let latest {
                for (key, value) in contributions(latest, localisations: compared, to: ownTargets) {
                    sums[key, default: (0, [])].value += value
                    sums[key, default: (0, [])].parts.append("\(government) \(TaskReportingQuery.format(value))")
                }
            }
            let units = child.assignments.filter { $0.role != .assisting }.sorted { $0.position < $1.position }
                .map(\.unit.name)
            let childOwnership = try await CascadeAccess.ownership(of: child, on: req.db)
            let readable = req.allows(.read, on: childOwnership)
            let narrative = req.allows(.readReports, on: childOwnership) ? latest?.narrative ?? "" : ""
            rows.append(
                (
                    government,
                    CascadePanel.ChildRow(
                        government: government, number: child.number, text: child.text,
                        href: readable ? SiteURL.taskReporting(childID).path : "",
                        units: DisplayText.names(units, limit: 3), light: worst?.shownLight ?? "none",
                        lightLabel: worst?.shownLabel ?? "无需报送",
                        latest: latest.map { "\($0.status.label) · \($0.period.label)" } ?? "尚未报送",
                        figures: figures, localisations: lines(compared),
                        lateAgainstParent: lateness(latest, against: parentReporting.calendar), narrative: narrative,
                        quote: narrative.isEmpty ? "" : "【\(government)·\(latest?.period.label ?? "")】\(narrative)")
                ))
        }
        let totals = LocalisedTotal.totals(localisations).compactMap { total in
            totalLine(total, reached: reached[total.parent])
        }
        let figureSums = ownTargets.compactMap { target -> CascadePanel.FigureSum? in
            guard let sum = sums[key(target)] else { return nil }
            return CascadePanel.FigureSum(
                label: target.label, unit: target.unit, value: TaskReportingQuery.format(sum.value),
                parts: sum.parts.joined(separator: "、"))
        }
        return (rows.sorted { $0.0 < $1.0 }.map(\.1), totals, figureSums)
    }

    private static func key(_ target: QuantifiedTarget) -> String { target.label + "|" + target.unit }

    /// A lower report's figures for this task's own targets, keyed by target, in their units.
    private static func contributions(
        _ report: ReportLedger.Entry, localisations: [TargetLocalisation], to targets: [QuantifiedTarget]
    ) -> [(String, Double)] {
        let figures = report.actuals.compactMap { figure in
            figure.actual.map { LevelFigures.Reported(label: figure.label, unit: figure.unitOfMeasure, value: $0) }
        }
        return LevelFigures.contributions(figures, localisations: localisations, to: targets).map {
            (key($0.target), $0.value)
        }
    }

    /// Adds a report's figures, converted to the parent's unit, to what the lower governments reached.
    private static func add(
        _ report: ReportLedger.Entry, localisations: [TargetLocalisation],
        to reached: inout [QuantifiedTarget: (sum: Double, count: Int)]
    ) {
        for item in localisations where item.share != nil {
            guard let parent = item.parent, let local = item.local,
                let figure = report.actuals.first(where: { $0.label == local.label && $0.unitOfMeasure == local.unit }),
                let actual = figure.actual,
                let converted = MeasureUnit(local.unit).convert(actual, to: MeasureUnit(parent.unit))
            else { continue }
            reached[parent, default: (0, 0)].sum += converted
            reached[parent, default: (0, 0)].count += 1
        }
    }

    /// "各区分解合计…" for a count, "各区目标…" for a rate.
    private static func totalLine(_ total: LocalisedTotal, reached: (sum: Double, count: Int)?) -> CascadePanel
        .TotalLine?
    {
        let unit = total.parent.unit
        var parts: [String] = []
        if let sum = total.sum, total.counted > 0 {
            let share = total.share.map { "，占上级目标\(percent($0))" } ?? ""
            parts.append("分解合计\(TaskReportingQuery.format(sum))\(unit)\(share)")
            if let reached {
                let done = total.parent.value > 0 ? "，为上级目标的\(percent(reached.sum / total.parent.value))" : ""
                parts.append("已报完成\(TaskReportingQuery.format(reached.sum))\(unit)（\(reached.count)个单位）\(done)")
            }
        } else if let range = total.range {
            parts.append(
                range.lowerBound == range.upperBound
                    ? "各级目标均为\(TaskReportingQuery.format(range.lowerBound))\(unit)"
                    : "各级目标\(TaskReportingQuery.format(range.lowerBound))～\(TaskReportingQuery.format(range.upperBound))\(unit)"
            )
        }
        if total.leftOut > 0 { parts.append("\(total.leftOut)项未计入（计量单位不同或尚未下达）") }
        guard !parts.isEmpty else { return nil }
        return CascadePanel.TotalLine(
            parentTarget: total.parent.label + total.parent.text, text: parts.joined(separator: "；"))
    }

    /// The localisations as page lines.
    static func lines(_ items: [TargetLocalisation]) -> [CascadePanel.LocalisationLine] {
        items.map { item in
            var note = ""
            switch item.kind {
            case .slice:
                note = item.share.map { "占上级目标\(percent($0))" } ?? ""
                if let converted = item.valueInParentUnit, let parent = item.parent, let local = item.local,
                    local.unit != parent.unit
                {
                    note += "（折合\(TaskReportingQuery.format(converted))\(parent.unit)）"
                }
            case .same, .lower, .higher:
                if let parent = item.parent, let local = item.local {
                    note = "上级\(parent.text)，本级\(local.text)"
                }
            case .otherUnit: note = "计量单位不同，不作比较、不合计"
            case .pending: note = "待上级下达"
            case .extraMetric, .notLocalised: note = ""
            }
            return CascadePanel.LocalisationLine(
                kind: item.kind.rawValue, kindLabel: item.kind.label,
                parentTarget: item.parent.map { $0.label + $0.text } ?? "",
                localTarget: item.local.map { $0.label + $0.text } ?? "", note: note)
        }
    }

    /// "晚于上级时限3天" when the lower units' latest report was filed after the higher plan's due date for its
    /// period; "" otherwise.
    static func lateness(_ report: ReportLedger.Entry?, against calendar: ReportingCalendar) -> String {
        guard let report, let due = calendar.deadline(for: report.period)?.due,
            let filed = CalendarDay(report.submittedOn), due < filed
        else { return "" }
        return "\(report.period.label)报告晚于上级时限（\(due.chineseMonthDay)）\(due.days(until: filed))天"
    }

    private static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return "\(TaskReportingQuery.format(value))%"
    }
}
