extension TrafficLightRules {
    /// The light of one task today.
    ///
    /// - Parameters:
    ///   - today: the day in the government's time zone.
    ///   - deadline: the deadline to measure against — `ReportingCalendar.watchedDeadline(on:filed:)` gives the
    ///     earliest overdue one, else the current one; nil when no report is expected (before the first period
    ///     or after the year's last due day).
    ///   - statuses: the statuses of the task's filed reports so far, oldest first.
    ///   - review: where the 督查室's review of the latest report stands, when it is not yet accepted. A returned
    ///     report is not counted as filed by the caller, so the deadline it missed shows again.
    ///   - paceShortfalls: the latest report's figures that are behind 序时 (`PaceAttainment`).
    ///   - rectification: the unit's findings on the task past their 整改时限; red even on a completed task,
    ///     because the 督查室 found something still to put right.
    public func assess(
        on today: CalendarDay, deadline: DeadlineState?, statuses: [ReportStatus], review: ReviewSignal? = nil,
        paceShortfalls: [PaceShortfall] = [], rectification: RectificationBacklog? = nil
    ) -> TrafficLightAssessment {
        let rectificationReason = rectification.map { [TrafficLightReason.rectificationOverdue($0)] } ?? []
        let reviewReason: TrafficLightReason? =
            switch review {
            case .awaiting(let period): .awaitingReview(period)
            case .returned(let period): .returned(period)
            case nil: nil
            }
        if statuses.last == .completed, review?.isReturned != true {
            return TrafficLightAssessment(
                reasons: [.completed] + (reviewReason.map { [$0] } ?? []) + rectificationReason)
        }
        var reasons: [TrafficLightReason] = reviewReason.map { [$0] } ?? []
        if let deadline, let reason = deadlineReason(deadline, today: today) {
            reasons.append(reason)
        }
        if let reason = historyReason(statuses) {
            reasons.append(reason)
        }
        reasons += paceShortfalls.map(TrafficLightReason.behindPace)
        reasons += rectificationReason
        return TrafficLightAssessment(reasons: reasons)
    }

    /// Overdue or due soon, for an unfiled report.
    private func deadlineReason(_ state: DeadlineState, today: CalendarDay) -> TrafficLightReason? {
        guard !state.isFiled else { return nil }
        let period = state.deadline.period
        let daysLeft = today.days(until: state.deadline.due)
        if daysLeft < 0 {
            return .overdue(period, days: -daysLeft)
        }
        if daysLeft <= yellowWithinDays {
            return .dueSoon(period, due: state.deadline.due, daysLeft: daysLeft)
        }
        return nil
    }

    /// Red for repeated slipping, yellow for a latest report that slips for the first time(s).
    private func historyReason(_ statuses: [ReportStatus]) -> TrafficLightReason? {
        let slipping = statuses.filter(countsAsBehind)
        if slipping.count >= redAfterBehindReports {
            let trailing = statuses.reversed().prefix(while: countsAsBehind).count
            return .repeatedlyBehind(slipping, consecutive: trailing == slipping.count)
        }
        if let last = statuses.last, countsAsBehind(last) {
            return .latestReport(last)
        }
        return nil
    }
}
