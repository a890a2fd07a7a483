/// Which facts of a period the rules score, from the records of each unit's part in each task: a missing or late
/// report or work plan, every return, figures behind 序时 or beyond target, a task finished before its deadline, a
/// finding answered after its 整改时限, a praise in a bulletin. Facts are judged as of `today`: a report not yet
/// due is not missing, and one filed after publication turns a missing report into a late one.
public enum ScoringFacts {
    /// The facts of each unit with at least one record, in the order units first appear; each unit's items in
    /// the order of its records. A unit with no record has no task in the period and is not scored.
    public static func units(
        _ records: [DutyRecord], period: ReportingPeriod, today: CalendarDay
    ) -> [UnitPeriodFacts] {
        var order: [String] = []
        var byUnit: [String: UnitPeriodFacts] = [:]
        for record in records {
            let item = ScoringItem(
                taskID: record.taskID, taskNumber: record.taskNumber, taskLabel: record.taskLabel, role: record.role,
                events: events(record, period: period, today: today))
            if byUnit[record.unitID] == nil {
                order.append(record.unitID)
                byUnit[record.unitID] = UnitPeriodFacts(
                    unitID: record.unitID, unitName: record.unitName, periodLabel: period.label, items: [])
            }
            byUnit[record.unitID]?.items.append(item)
        }
        return order.compactMap { byUnit[$0] }
    }

    /// The events of one record in the period, in the order a score page lists them: work plan, the report's
    /// timeliness and returns, its figures, completion, findings, praise.
    public static func events(_ record: DutyRecord, period: ReportingPeriod, today: CalendarDay) -> [ScoringEvent] {
        var events: [ScoringEvent] = []
        if record.reports {
            events += workPlanEvents(record, today: today)
            events += reportEvents(record, period: period, today: today)
        }
        for finding in record.findings {
            let answeredLate = finding.answered.map { $0 > finding.due } ?? (finding.due < today)
            guard answeredLate else { continue }
            let days = finding.due.days(until: finding.answered ?? today)
            events.append(
                ScoringEvent(
                    kind: .findingNotRectified, day: finding.due, daysLate: days,
                    reference: ScoreReference(kind: .finding, id: finding.id), detail: excerpt(finding.problem)))
        }
        for praise in record.praises {
            events.append(
                ScoringEvent(
                    kind: .praised, day: praise.day, reference: ScoreReference(kind: .bulletin, id: praise.bulletinID),
                    detail: praise.issue))
        }
        return events
    }

    /// A missing work plan once its day has passed, or a late one.
    private static func workPlanEvents(_ record: DutyRecord, today: CalendarDay) -> [ScoringEvent] {
        guard let workPlan = record.workPlan else { return [] }
        guard let filed = workPlan.filed else {
            return workPlan.due < today ? [ScoringEvent(kind: .workPlanMissing, day: workPlan.due)] : []
        }
        guard filed.daysLate > 0 else { return [] }
        return [
            ScoringEvent(
                kind: .workPlanLate, day: filed.day, daysLate: filed.daysLate,
                reference: ScoreReference(kind: .workPlan, id: filed.id))
        ]
    }

    /// The period's report: missing once due, late, returned; its figures; an early completion.
    private static func reportEvents(_ record: DutyRecord, period: ReportingPeriod, today: CalendarDay)
        -> [ScoringEvent]
    {
        var events: [ScoringEvent] = []
        let label = period.shortLabel
        if let filing = record.firstFiling {
            if filing.daysLate > 0 {
                events.append(
                    ScoringEvent(
                        kind: .reportLate, day: filing.day, daysLate: filing.daysLate,
                        reference: ScoreReference(kind: .report, id: filing.id), detail: label))
            }
        } else if let due = record.due, due < today {
            events.append(ScoringEvent(kind: .reportMissing, day: due, detail: label))
        }
        for returned in record.returns {
            events.append(
                ScoringEvent(
                    kind: .reportReturned, day: returned.day, reference: ScoreReference(kind: .report, id: returned.id),
                    detail: label))
        }
        guard let standing = record.standing else { return events }
        for flag in record.flags {
            events.append(
                ScoringEvent(
                    kind: .qualityFlag, day: standing.day, reference: ScoreReference(kind: .flag, id: flag.id),
                    detail: flag.evidence))
        }
        let reference = ScoreReference(kind: .report, id: standing.id)
        let behind = standing.figures.filter { $0.standing == .behindPace }
        if !behind.isEmpty {
            let detail = behind.map { $0.gap.isEmpty ? $0.text : "\($0.text)，\($0.gap)" }.joined(separator: "；")
            events.append(ScoringEvent(kind: .behindPace, day: standing.day, reference: reference, detail: detail))
        }
        let exceeded = standing.figures.filter {
            $0.standing == .exceeded && !record.exceededEarlier.contains($0.label)
        }
        if !exceeded.isEmpty {
            events.append(
                ScoringEvent(
                    kind: .overTarget, day: standing.day, reference: reference,
                    detail: exceeded.map(\.text).joined(separator: "；")))
        }
        // Finished by the day it was reported, and at the latest by the period's end.
        let finished = min(standing.day, period.lastDay)
        if standing.status == .completed, !record.completedEarlier, let deadline = record.deadline, finished < deadline
        {
            events.append(
                ScoringEvent(
                    kind: .completedEarly, day: finished, daysLate: -finished.days(until: deadline),
                    reference: reference))
        }
        return events
    }

    /// A problem's first words, for a sentence.
    private static func excerpt(_ text: String) -> String {
        text.count > 30 ? String(text.prefix(30)) + "…" : text
    }

    /// The days of a period whose deadlines (work plans, 整改时限) it scores: its own months, so that the
    /// year-end report covering the whole year does not score the first quarter's work plan again.
    public static func days(of period: ReportingPeriod) -> ClosedRange<CalendarDay> {
        guard period.coversWholeYear,
            let own = ReportingPeriod(year: period.year, cycle: period.cycle, index: period.index)
        else { return period.firstDay...period.lastDay }
        return own.firstDay...own.lastDay
    }
}
