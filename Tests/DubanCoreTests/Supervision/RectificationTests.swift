import DubanCore
import Testing

/// 整改时限: when a finding counts against the unit, and how the light shows it.
@Suite("Rectification deadlines")
struct RectificationTests {
    let due = CalendarDay.iso("2026-05-10")

    @Test("Only a finding the unit still owes an answer to runs late")
    func overdueOnlyWhileTheUnitOwes() {
        let after = CalendarDay.iso("2026-05-13")
        #expect(RectificationDeadline(due: due, state: .open).daysOverdue(on: after) == 3)
        #expect(RectificationDeadline(due: due, state: .reopened).daysOverdue(on: after) == 3)
        #expect(RectificationDeadline(due: due, state: .responded).daysOverdue(on: after) == 0)
        #expect(RectificationDeadline(due: due, state: .closed).daysOverdue(on: after) == 0)
        #expect(RectificationDeadline(due: due, state: .open).daysOverdue(on: due) == 0)
    }

    @Test("The phrase counts down, then up")
    func phrases() {
        let open = RectificationDeadline(due: due, state: .open)
        #expect(open.phrase(on: .iso("2026-05-05")) == "还剩 5 天")
        #expect(open.phrase(on: due) == "今天到期")
        #expect(open.phrase(on: .iso("2026-05-12")) == "逾期 2 天")
        #expect(RectificationDeadline(due: due, state: .responded).phrase(on: .iso("2026-06-01")) == "待督查室核实")
        #expect(RectificationDeadline(due: due, state: .closed).phrase(on: .iso("2026-06-01")) == "已销号")
    }

    @Test("The backlog counts overdue findings and keeps the longest delay")
    func backlog() throws {
        let deadlines = [
            RectificationDeadline(due: due, state: .open),
            RectificationDeadline(due: .iso("2026-05-01"), state: .reopened),
            RectificationDeadline(due: .iso("2026-04-01"), state: .closed),
            RectificationDeadline(due: .iso("2026-06-01"), state: .open),
        ]
        let backlog = try #require(RectificationBacklog.of(deadlines, on: .iso("2026-05-20")))
        #expect(backlog == RectificationBacklog(count: 2, longestDays: 19))
        #expect(RectificationBacklog.of(deadlines, on: .iso("2026-04-20")) == nil)
    }

    @Test("Overdue 整改 turns a task red, even one reported completed")
    func lightTurnsRed() {
        let rules = TrafficLightRules.default
        let backlog = RectificationBacklog(count: 1, longestDays: 4)
        let done = rules.assess(
            on: .iso("2026-05-14"), deadline: nil, statuses: [.completed], rectification: backlog)
        #expect(done.light == .red)
        #expect(done.messages == ["督查发现的问题整改已逾期 4 天", "任务已完成"])
        let two = rules.assess(
            on: .iso("2026-05-14"), deadline: nil, statuses: [.onSchedule],
            rectification: RectificationBacklog(count: 2, longestDays: 9))
        #expect(two.messages == ["督查发现的 2 个问题整改逾期（最长 9 天）"])
        #expect(rules.assess(on: .iso("2026-05-14"), deadline: nil, statuses: [.onSchedule]).light == .green)
    }

    @Test("Every kind of round has the plans' name")
    func kindLabels() {
        #expect(SupervisionKind.allCases.map(\.label) == ["季度重点督查", "年中集中督查", "年底全面督查", "专项督查", "暗访督查"])
        #expect(FindingState.allCases.filter(\.awaitsUnit) == [.open, .reopened])
    }
}
