/// Turns a unit's facts into an explained score, ranks units, averages a year and compares a published score
/// with today's. Pure and deterministic: the server gathers the facts, the engine never reads a clock or a
/// database, so a published score can be recomputed and checked at any time.
///
/// The engine scores units on the work of their tasks. It has no notion of a person, so it cannot rank staff,
/// and no rule reads attendance or online time: the 2023 rules against formalism forbid both.
public enum ScoreEngine {
    /// One unit's score for one period under `scheme`: the base, one line per scoring event (weighted by the
    /// unit's role, rounded once to two decimals, within the rule's period limit), then a line for the floor
    /// or cap if the sum passed one. The lines add up to the total exactly. A unit with no task in the period
    /// is not included.
    public static func score(_ facts: UnitPeriodFacts, scheme: ScoringScheme) -> UnitScore {
        guard !facts.items.isEmpty else {
            return .excluded(unitID: facts.unitID, unitName: facts.unitName, periodLabel: facts.periodLabel)
        }
        let base = ScoreNumber.fixed(scheme.base, scale: ScoreNumber.scoreScale)
        var lines = [ScoreLine(kind: .base, points: ScoreNumber.points(base), sentence: ScoreSentence.base(base))]
        var used: [ScoringRuleKind: Int] = [:]
        var deductions = 0
        var additions = 0
        for item in facts.items {
            for event in item.events {
                guard let (line, counted) = line(for: event, in: item, scheme: scheme, used: &used) else { continue }
                lines.append(line)
                if event.kind.isAddition { additions += counted } else { deductions += counted }
            }
        }
        let sum = base + additions - deductions
        let (total, clip) = clipped(sum, scheme: scheme)
        if let clip {
            let adjustment = total - sum
            let sentence =
                clip == .floor
                ? ScoreSentence.floor(sum: sum, floor: total) : ScoreSentence.cap(sum: sum, cap: total)
            lines.append(
                ScoreLine(
                    kind: clip == .floor ? .floor : .cap, points: ScoreNumber.points(adjustment), sentence: sentence))
        }
        return UnitScore(
            unitID: facts.unitID, unitName: facts.unitName, periodLabel: facts.periodLabel, included: true,
            total: ScoreNumber.points(total), deductions: ScoreNumber.points(deductions),
            additions: ScoreNumber.points(additions), clip: clip, lines: lines)
    }

    /// The line of one event and the hundredths it counted (unsigned), or nil when its rule gives it nothing.
    /// `used` holds what each rule has counted so far this period, for the period limit.
    private static func line(
        for event: ScoringEvent, in item: ScoringItem, scheme: ScoringScheme, used: inout [ScoringRuleKind: Int]
    ) -> (ScoreLine, Int)? {
        let rule = scheme.rule(event.kind)
        let raw = rule.rawUnits(daysLate: event.daysLate)
        guard raw > 0 else { return nil }
        let weight = scheme.roleWeights[item.role]
        let weightUnits = max(0, ScoreNumber.fixed(weight, scale: ScoreNumber.schemeScale))
        let weighted = ScoreNumber.divideRounded(raw * weightUnits, by: ScoreNumber.productPerHundredth)
        let limit = rule.limitHundredths
        let alreadyUsed = used[event.kind, default: 0]
        let counted = limit.map { min(weighted, max(0, $0 - alreadyUsed)) } ?? weighted
        used[event.kind] = alreadyUsed + counted
        let counting = ScoreSentence.Counting(
            raw: raw, weight: weight, weighted: weighted, counted: counted, limit: limit)
        let signed = event.kind.isAddition ? counted : -counted
        let line = ScoreLine(
            kind: .rule(event.kind), points: ScoreNumber.points(signed), weight: weight, taskID: item.taskID,
            taskNumber: item.taskNumber, taskLabel: item.taskLabel, role: item.role, day: event.day,
            reference: event.reference, sentence: ScoreSentence.event(event, in: item, counting: counting))
        return (line, counted)
    }

    /// The sum within the floor and cap, and which of them applied. A scheme whose cap lies below its floor
    /// (which `validate()` rejects) is bounded by the floor alone.
    private static func clipped(_ sum: Int, scheme: ScoringScheme) -> (Int, ScoreClip?) {
        let floor = ScoreNumber.fixed(scheme.floor, scale: ScoreNumber.scoreScale)
        let cap = ScoreNumber.fixed(scheme.cap, scale: ScoreNumber.scoreScale)
        if sum < floor { return (floor, .floor) }
        if sum > max(cap, floor) { return (max(cap, floor), .cap) }
        return (sum, nil)
    }
}
