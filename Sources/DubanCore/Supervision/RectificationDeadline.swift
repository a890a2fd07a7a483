/// The 整改时限 of a finding measured on a day. A finding is overdue when the unit still owes its response
/// after the deadline: a response filed in time that the 督查室 has not yet judged is not the unit's delay,
/// but a reopened finding past its deadline is.
public struct RectificationDeadline: Sendable, Hashable {
    public var due: CalendarDay
    public var state: FindingState

    public init(due: CalendarDay, state: FindingState) {
        self.due = due
        self.state = state
    }

    /// Days past the deadline on `today` while the unit owes a response; 0 when not overdue.
    public func daysOverdue(on today: CalendarDay) -> Int {
        guard state.awaitsUnit else { return 0 }
        return max(0, due.days(until: today))
    }

    /// A short Chinese phrase for lists: "逾期 3 天", "还剩 5 天", "今天到期", "已销号".
    public func phrase(on today: CalendarDay) -> String {
        if state == .closed { return "已销号" }
        if state == .responded { return "待督查室核实" }
        let left = today.days(until: due)
        if left < 0 { return "逾期 \(-left) 天" }
        return left == 0 ? "今天到期" : "还剩 \(left) 天"
    }
}

/// The overdue findings of one unit on one task, as the light sees them.
public struct RectificationBacklog: Sendable, Hashable {
    /// How many findings are overdue.
    public var count: Int
    /// The longest delay among them, in days.
    public var longestDays: Int

    public init(count: Int, longestDays: Int) {
        self.count = count
        self.longestDays = longestDays
    }

    /// The backlog of `deadlines` on `today`; nil when none is overdue.
    public static func of(_ deadlines: [RectificationDeadline], on today: CalendarDay) -> RectificationBacklog? {
        let late = deadlines.map { $0.daysOverdue(on: today) }.filter { $0 > 0 }
        guard let longest = late.max() else { return nil }
        return RectificationBacklog(count: late.count, longestDays: longest)
    }
}
