/// A unit's place in a period's or a year's ranking of units. Only units are ranked, never people.
public struct RankedScore: Sendable, Hashable, Codable {
    /// The standard competition rank (1, 2, 2, 4); nil for a unit not included in the period.
    public var rank: Int?
    /// The unit's score.
    public var score: UnitScore

    /// Creates a ranked score.
    public init(rank: Int?, score: UnitScore) {
        self.rank = rank
        self.score = score
    }
}

extension ScoreEngine {
    /// The units by total, highest first, with standard competition ranks: units with equal totals (to two
    /// decimals) share a rank and the next rank skips (1, 2, 2, 4). Ties are listed by unit name, then id, so
    /// the list reads the same every time. Units not included follow, by name, without a rank.
    public static func rank(_ scores: [UnitScore]) -> [RankedScore] {
        var scored: [(score: UnitScore, total: Int)] = []
        var excluded: [UnitScore] = []
        for score in scores {
            if score.included, let total = score.totalHundredths {
                scored.append((score, total))
            } else {
                excluded.append(score)
            }
        }
        scored.sort { lhs, rhs in
            if lhs.total != rhs.total { return lhs.total > rhs.total }
            return byName(lhs.score, rhs.score)
        }
        var ranked: [RankedScore] = []
        for (index, entry) in scored.enumerated() {
            let tied = index > 0 && scored[index - 1].total == entry.total
            let rank = tied ? (ranked.last?.rank ?? index + 1) : index + 1
            ranked.append(RankedScore(rank: rank, score: entry.score))
        }
        return ranked + excluded.sorted(by: byName).map { RankedScore(rank: nil, score: $0) }
    }

    /// Name, then id, then period: the stable order of units wherever scores are listed.
    static func byName(_ lhs: UnitScore, _ rhs: UnitScore) -> Bool {
        (lhs.unitName, lhs.unitID, lhs.periodLabel) < (rhs.unitName, rhs.unitID, rhs.periodLabel)
    }
}
