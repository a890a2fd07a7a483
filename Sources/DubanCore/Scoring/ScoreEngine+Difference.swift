extension ScoreEngine {
    /// The units whose score differs between `published` and `current`, matched by unit id and period label,
    /// listed by unit name. A unit is listed when its total or its inclusion changed, when its lines changed
    /// (even if the total did not), or when it appears in only one of the two. Lines are matched by rule,
    /// task, reference, period and points; a line whose sentence alone changed (a different day in the same
    /// band) is the same line.
    public static func difference(published: [UnitScore], current: [UnitScore]) -> [ScoreDifference] {
        let old = Dictionary(published.map { (ScoreKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(current.map { (ScoreKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        var differences: [(UnitScore, ScoreDifference)] = []
        for (key, score) in new {
            guard let before = old[key] else {
                differences.append((score, difference(of: score, change: .appeared, before: nil, after: score)))
                continue
            }
            let compared = difference(of: score, change: .changed, before: before, after: score)
            let changed =
                before.included != score.included || before.totalHundredths != score.totalHundredths
                || !compared.addedLines.isEmpty || !compared.removedLines.isEmpty
            if changed { differences.append((score, compared)) }
        }
        for (key, score) in old where new[key] == nil {
            differences.append((score, difference(of: score, change: .disappeared, before: score, after: nil)))
        }
        return differences.sorted { byName($0.0, $1.0) }.map(\.1)
    }

    /// One unit's difference: the totals and the lines on one side without a match on the other.
    private static func difference(
        of score: UnitScore, change: ScoreDifference.Change, before: UnitScore?, after: UnitScore?
    ) -> ScoreDifference {
        let oldLines = before?.lines ?? []
        let newLines = after?.lines ?? []
        return ScoreDifference(
            unitID: score.unitID, unitName: score.unitName, periodLabel: score.periodLabel, change: change,
            publishedTotal: before?.total, currentTotal: after?.total,
            addedLines: unmatched(newLines, against: oldLines), removedLines: unmatched(oldLines, against: newLines))
    }

    /// The lines of `lines` left over once each line of `other` has cancelled one equal line (a multiset
    /// difference, so two equal deductions on one side and one on the other leave one).
    private static func unmatched(_ lines: [ScoreLine], against other: [ScoreLine]) -> [ScoreLine] {
        var available: [LineKey: Int] = [:]
        for line in other { available[LineKey(line), default: 0] += 1 }
        return lines.filter { line in
            let key = LineKey(line)
            guard let count = available[key], count > 0 else { return true }
            available[key] = count - 1
            return false
        }
    }

    /// A unit's score in a snapshot.
    private struct ScoreKey: Hashable {
        var unitID: String
        var periodLabel: String

        init(_ score: UnitScore) {
            unitID = score.unitID
            periodLabel = score.periodLabel
        }
    }

    /// What makes two lines the same point.
    private struct LineKey: Hashable {
        var kind: ScoreLineKind
        var taskID: String?
        var reference: ScoreReference?
        var period: String?
        var hundredths: Int

        init(_ line: ScoreLine) {
            kind = line.kind
            taskID = line.taskID
            reference = line.reference
            period = line.period
            hundredths = line.hundredths
        }
    }
}
