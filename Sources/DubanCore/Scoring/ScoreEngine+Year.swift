extension ScoreEngine {
    /// A unit's score for the year: the mean of the totals of the periods it was included in, rounded once to
    /// two decimals. Periods it was not scored in are left out rather than counted as 0 or 100; a unit excluded
    /// from every period is excluded from the year. The lines are each period's lines, named by their period,
    /// so the year page shows every point of every period; each period's lines add up to that period's total.
    ///
    /// `periods` are the unit's period scores; scores of other units are ignored. `periodLabel` names the year
    /// ("2026年度").
    public static func year(
        _ periods: [UnitScore], unitID: String, unitName: String, periodLabel: String = "年度"
    ) -> UnitScore {
        let counted = periods.compactMap { score -> (UnitScore, Int)? in
            guard score.unitID == unitID, score.included, let total = score.totalHundredths else { return nil }
            return (score, total)
        }
        guard !counted.isEmpty else {
            return .excluded(unitID: unitID, unitName: unitName, periodLabel: periodLabel)
        }
        let count = counted.count
        let total = ScoreNumber.divideRounded(counted.reduce(0) { $0 + $1.1 }, by: count)
        let deductions = counted.reduce(0) { $0 + ScoreNumber.fixed($1.0.deductions, scale: ScoreNumber.scoreScale) }
        let additions = counted.reduce(0) { $0 + ScoreNumber.fixed($1.0.additions, scale: ScoreNumber.scoreScale) }
        let lines = counted.flatMap { score, _ in
            score.lines.map { line in
                var named = line
                named.period = score.periodLabel
                named.sentence = "\(score.periodLabel)：\(line.sentence)"
                return named
            }
        }
        return UnitScore(
            unitID: unitID, unitName: unitName, periodLabel: periodLabel, included: true,
            total: ScoreNumber.points(total),
            deductions: ScoreNumber.points(ScoreNumber.divideRounded(deductions, by: count)),
            additions: ScoreNumber.points(ScoreNumber.divideRounded(additions, by: count)), clip: nil,
            averagedPeriods: counted.map { $0.0.periodLabel }, lines: lines)
    }
}
