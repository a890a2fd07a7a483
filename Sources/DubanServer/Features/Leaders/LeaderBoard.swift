import DubanCore
import Fluent
import Foundation

/// A leader's board of their portfolio: the lights of their tasks, what is overdue, every task and reporting
/// unit with its latest report and figures, the units behind — the 督办 view limited to what they lead, read
/// only — and, for the leader themself, their notifications.
struct LeaderBoard: Encodable {
    var tally: [DeskPage.LightCount]
    /// Overdue reports, worst first.
    var overdue: [OversightPage.Row]
    /// Every task and reporting unit of the portfolio, worst first.
    var rows: [OversightPage.Row]
    var units: [OversightPage.UnitLine]
    /// The leader's own notifications, shown only when the leader is the one reading.
    var showsNotifications = false
    var notifications: [NotificationLine] = []
    var unread: Int
    var notificationsHref: String
    /// The portfolio's charts, each with its numbers.
    var charts: [ChartView] = []

    /// The statuses of the tasks' reporting units as of `today`, and the plans' titles.
    static func statuses(taskIDs: [UUID], today: CalendarDay, on database: any Database) async throws
        -> (board: [DutyStatus], titles: [UUID: String], plans: [UUID: PlanReporting])
    {
        let (duties, plans) = try await TaskDuty.load(.tasks(taskIDs), on: database)
        let board = try await DutyStatus.board(duties, plans: plans, today: today, on: database)
        return (board, plans.mapValues(\.planTitle), plans)
    }

    /// The board over those statuses.
    static func make(_ statuses: [DutyStatus], titles: [UUID: String], today: CalendarDay, on database: any Database)
        async throws -> LeaderBoard
    {
        let board = statuses.sorted {
            ($0.light, $1.duty.number, $1.unit.name) > ($1.light, $0.duty.number, $0.unit.name)
        }
        let figures = try await LatestFigures.load(board.compactMap { $0.reports.last?.reportID }, on: database)
        let rows = board.map { status in
            OversightPage.Row(
                status, today: today, titles: titles, unitHref: SiteURL.unit(status.unit.id).path, contact: nil,
                figures: status.reports.last.flatMap { figures[$0.reportID] } ?? "")
        }
        let overdue = zip(board, rows).filter { status, _ in
            status.assessment.reasons.contains { if case .overdue = $0 { true } else { false } }
        }.map(\.1)
        return LeaderBoard(
            tally: DeskPage.LightCount.tally(board), overdue: overdue, rows: rows,
            units: OversightQuery.unitLines(board), unread: 0,
            notificationsHref: SiteURL.notifications.path)
    }
}

/// The figures of reports against their targets, as one line each.
enum LatestFigures {
    /// "兑现资金 3200万元（目标 5000万元）；…" per report that has figures.
    static func load(_ reportIDs: [UUID], on database: any Database) async throws -> [UUID: String] {
        var lines: [UUID: [ReportActual]] = [:]
        for chunk in reportIDs.chunked(500) {
            for actual in try await ReportActual.query(on: database).filter(\.$report.$id ~~ chunk).all() {
                lines[actual.$report.id, default: []].append(actual)
            }
        }
        return lines.mapValues { actuals in
            actuals.sorted { $0.position < $1.position }.compactMap { actual -> String? in
                guard let value = actual.actualValue else { return nil }
                let unit = actual.unitOfMeasure
                let target = actual.targetValue.map { "（目标 \(TaskReportingQuery.format($0))\(unit)）" } ?? ""
                return "\(actual.label) \(TaskReportingQuery.format(value))\(unit)\(target)"
            }.joined(separator: "；")
        }.filter { !$0.value.isEmpty }
    }
}
