import DubanCore
import Fluent
import Foundation

/// Builds a unit's desk from the reporting board of its tasks.
enum DeskQuery {
    static func rows(unitID: UUID, today: CalendarDay, on database: any Database) async throws
        -> (
            rows: [DeskPage.DeskRow], returned: [DeskPage.DeskRow], dueSoon: [DeskPage.DeskRow],
            assisting: [DeskPage.AssistRow], tally: [DeskPage.LightCount]
        )
    {
        let (duties, plans) = try await TaskDuty.load(.unit(unitID), on: database)
        let board = try await DutyStatus.board(duties, plans: plans, today: today, on: database)
        let mine = board.filter { $0.unit.id == unitID }
            .sorted {
                ($0.light, -($0.next?.due.days(until: today) ?? 0)) > (
                    $1.light, -($1.next?.due.days(until: today) ?? 0)
                )
            }
        let titles = plans.mapValues(\.planTitle)
        let urges = try await latestUrges(unitID: unitID, on: database)
        func row(of status: DutyStatus, today: CalendarDay, titles: [UUID: String]) -> DeskPage.DeskRow {
            var line = Self.row(of: status, today: today, titles: titles)
            line.urged = urges[status.duty.taskID] ?? ""
            return line
        }
        let rows = mine.map { row(of: $0, today: today, titles: titles) }
        let returned = mine.filter { $0.returnedReport != nil || $0.workPlan?.state == .returned }.map { status in
            var line = row(of: status, today: today, titles: titles)
            var what: [String] = []
            if let report = status.returnedReport { what.append("\(report.period.shortLabel)完成情况已退回") }
            if status.workPlan?.state == .returned { what.append("办理方案已退回") }
            line.lastReport = what.joined(separator: "，") + "，请按督查室意见修改后重新报送"
            return line
        }
        let dueSoon = mine.filter { status in
            guard let watched = status.watched, !watched.isFiled, !status.isCompleted else { return false }
            let left = today.days(until: watched.deadline.due)
            return left >= 0 && left <= 14
        }.map { row(of: $0, today: today, titles: titles) }
        let assisting = duties.filter { duty in duty.contributors.contains { $0.id == unitID } }.map { duty in
            DeskPage.AssistRow(
                number: duty.number, text: DisplayText.excerpt(duty.text), planTitle: titles[duty.planID] ?? "",
                href: SiteURL.taskReporting(duty.taskID).path,
                reporters: duty.reporters.map(\.name).joined(separator: "、"))
        }
        return (rows, returned, dueSoon, assisting, DeskPage.LightCount.tally(mine))
    }

    /// The latest 催办 of each task to the unit, as the desk states it.
    static func latestUrges(unitID: UUID, on database: any Database) async throws -> [UUID: String] {
        var latest: [UUID: String] = [:]
        let urges = try await TaskUrge.query(on: database).filter(\.$unit.$id == unitID)
            .sort(\.$urgedAt, .descending).limit(2000).all()
        for urge in urges where latest[urge.$task.id] == nil {
            latest[urge.$task.id] =
                "\(DisplayTime.minute(urge.urgedAt)) \(urge.urgedBy)催办"
                + (urge.message.isEmpty ? "" : "：\(urge.message)")
        }
        return latest
    }

    /// One row: light and reasons, the deadline watched, the latest report and work plan.
    static func row(of status: DutyStatus, today: CalendarDay, titles: [UUID: String]) -> DeskPage.DeskRow {
        var next = "本年度报送已结束"
        if status.isCompleted {
            next = "已完成"
        } else if let watched = status.watched {
            let left = today.days(until: watched.deadline.due)
            let when = left < 0 ? "已逾期 \(-left) 天" : left == 0 ? "今天到期" : "还有 \(left) 天"
            next =
                "\(watched.deadline.period.shortLabel)：\(watched.deadline.due.chineseMonthDay)前"
                + (watched.isFiled ? "（已报送）" : "（\(when)）")
        } else if let upcoming = status.next {
            next = "\(upcoming.period.shortLabel)：\(upcoming.due.chineseMonthDay)前"
        }
        let last =
            status.reports.last.map { entry in
                "\(entry.period.shortLabel) \(entry.status.label) · \(entry.state.label)"
                    + (entry.daysLate > 0 ? " · 逾期 \(entry.daysLate) 天" : "")
            } ?? "尚未报送"
        let workPlan =
            status.workPlan.map {
                "第 \($0.version) 版 · \($0.state.label)" + ($0.daysLate > 0 ? " · 逾期 \($0.daysLate) 天" : "")
            }
            ?? (status.workPlanDue.map { "未报送（\($0.chineseMonthDay)前）" } ?? "未报送")
        return DeskPage.DeskRow(
            light: status.shownLight, lightLabel: status.shownLabel,
            reasons: status.assessment.messages.joined(separator: "；"), number: status.duty.number,
            text: DisplayText.excerpt(status.duty.text), planTitle: titles[status.duty.planID] ?? "",
            href: SiteURL.taskReporting(status.duty.taskID).path, next: next, lastReport: last, workPlan: workPlan)
    }
}
