import DubanCore
import Fluent
import Foundation

/// Builds the 督查室's overview from the board of the whole government.
enum OversightQuery {
    /// How many waiting reviews the overview lists.
    static let reviewsShown = 20
    /// How many task rows the overview lists (worst first); a narrower filter shows the rest.
    static let rowsShown = 300

    /// The filters of the overview.
    struct Filter: Sendable {
        var planID: UUID?
        /// "problems" (red and yellow, the default), "red", "yellow", "green" or "all".
        var light: String
    }

    static func page(
        governmentID: UUID, filter: Filter, today: CalendarDay, on database: any Database
    ) async throws -> (
        rows: [OversightPage.Row], rowTotal: Int, units: [OversightPage.UnitLine], tally: [DeskPage.LightCount],
        reviews: [OversightPage.ReviewLine], plans: [(UUID, String)]
    ) {
        let scope: TaskDuty.Scope = filter.planID.map { .plan($0) } ?? .government(governmentID)
        let board = try await DutyStatus.board(scope, today: today, on: database)
        let plans = try await Plan.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).all()
        let titles = Dictionary(uniqueKeysWithValues: try plans.map { (try $0.requireID(), $0.title) })
        let shown = board.filter { status in
            switch filter.light {
            case "red": status.light == .red
            case "yellow": status.light == .yellow
            case "green": status.light == .green
            case "all": true
            default: status.light != .green
            }
        }.sorted { ($0.light, $0.unit.name) > ($1.light, $1.unit.name) }
        let listed = shown.prefix(rowsShown)
        let contacts = try await ClerkContacts.load(unitIDs: Set(listed.map(\.unit.id)), on: database)
        let rows = listed.map { status in
            let desk = DeskQuery.row(of: status, today: today, titles: titles)
            return OversightPage.Row(
                target: "\(status.duty.taskID.uuidString):\(status.unit.id.uuidString)", light: desk.light,
                lightLabel: desk.lightLabel, reasons: desk.reasons, number: desk.number, text: desk.text,
                href: desk.href, planTitle: desk.planTitle, unitName: status.unit.name,
                unitHref: SiteURL.unitDesk(status.unit.id).path, contact: contacts[status.unit.id], next: desk.next)
        }
        var perUnit: [UUID: OversightPage.UnitLine] = [:]
        for status in board {
            var line =
                perUnit[status.unit.id]
                ?? OversightPage.UnitLine(
                    name: status.unit.name, href: SiteURL.unitDesk(status.unit.id).path, red: 0, yellow: 0, green: 0,
                    lateReports: 0)
            switch status.light {
            case .red: line.red += 1
            case .yellow: line.yellow += 1
            case .green: line.green += 1
            }
            line.lateReports += status.reports.filter { $0.daysLate > 0 }.count
            perUnit[status.unit.id] = line
        }
        let units = perUnit.values.filter { $0.red + $0.yellow > 0 }
            .sorted { ($0.red, $0.yellow, $0.lateReports, $1.name) > ($1.red, $1.yellow, $1.lateReports, $0.name) }
        let tally = TrafficLight.allCases.reversed().map { light in
            DeskPage.LightCount(
                light: light.rawValue, label: light.label, count: board.filter { $0.light == light }.count)
        }
        return (
            rows, shown.count, units, tally, try await reviews(governmentID: governmentID, on: database),
            try plans.map { (try $0.requireID(), "\($0.year) · \($0.title)") }
        )
    }

    /// Reports and work plans waiting for review, oldest first.
    private static func reviews(governmentID: UUID, on database: any Database) async throws -> [OversightPage
        .ReviewLine]
    {
        let reports = try await ProgressReport.query(on: database)
            .join(Unit.self, on: \ProgressReport.$unit.$id == \Unit.$id)
            .filter(Unit.self, \.$government.$id == governmentID)
            .filter(\.$state == ReviewState.submitted).filter(\.$kind == ProgressReport.Kind.report)
            .with(\.$task).with(\.$unit).sort(\.$submittedAt).limit(200).all()
        let plans = try await WorkPlan.query(on: database)
            .join(Unit.self, on: \WorkPlan.$unit.$id == \Unit.$id)
            .filter(Unit.self, \.$government.$id == governmentID)
            .filter(\.$state == ReviewState.submitted).with(\.$task).with(\.$unit).sort(\.$submittedAt)
            .limit(200).all()
        let reportLines = try reports.map { report in
            OversightPage.ReviewLine(
                what: "\(ReportingPeriod(key: report.period)?.label ?? report.period)完成情况（第 \(report.version) 版）",
                unitName: report.unit.name, number: report.task.number,
                href: SiteURL.report(try report.requireID()).path, submittedAt: DisplayTime.minute(report.submittedAt),
                late: report.daysLate > 0 ? "逾期 \(report.daysLate) 天" : "")
        }
        let planLines = plans.map { plan in
            OversightPage.ReviewLine(
                what: "办理方案（第 \(plan.version) 版）", unitName: plan.unit.name, number: plan.task.number,
                href: SiteURL.taskReporting(plan.$task.id).path + "#workplans",
                submittedAt: DisplayTime.minute(plan.submittedAt), late: "")
        }
        return (planLines + reportLines).sorted { $0.submittedAt < $1.submittedAt }
    }
}
