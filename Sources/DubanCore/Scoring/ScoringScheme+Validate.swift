extension ScoringScheme {
    /// Checks that the scheme can score; throws the first problem with its Chinese message, in the order the
    /// scheme form shows the fields: scores, weights, then each rule.
    public func validate() throws(ScoringSchemeError) {
        for (value, field) in [(base, "基础分"), (floor, "最低分"), (cap, "最高分")] where !value.isFinite {
            throw .notANumber(field: field)
        }
        guard floor <= base else { throw .floorAboveBase(floor: floor, base: base) }
        guard cap >= base else { throw .capBelowBase(cap: cap, base: base) }
        for role in AssignmentRole.allCases {
            let weight = roleWeights[role]
            guard weight.isFinite else { throw .notANumber(field: "\(role.label)的权重") }
            guard weight >= 0 else { throw .negativeWeight(role, weight) }
        }
        for kind in ScoringRuleKind.allCases {
            try rule(kind).validate(as: kind)
        }
    }
}

extension ScoringRule {
    /// Checks one rule's numbers and bands.
    func validate(as kind: ScoringRuleKind) throws(ScoringSchemeError) {
        let name = "“\(kind.label)”"
        guard points.isFinite else { throw .notANumber(field: "\(name)的分值") }
        guard points >= 0 else { throw .negativePoints(rule: kind, points: points) }
        if let periodLimit {
            guard periodLimit.isFinite else { throw .notANumber(field: "\(name)的每期上限") }
            guard periodLimit >= 0 else { throw .negativeLimit(rule: kind, limit: periodLimit) }
        }
        if let perDays {
            guard bands.isEmpty else { throw .perDaysWithBands(rule: kind) }
            guard perDays >= 1 else { throw .perDaysTooSmall(rule: kind, days: perDays) }
        }
        try validateBands(as: kind)
    }

    /// Bands must each cover at least one day from day 1 on and must not share a day; an open-ended band
    /// overlaps every band after it.
    private func validateBands(as kind: ScoringRuleKind) throws(ScoringSchemeError) {
        for band in bands {
            guard band.points.isFinite else { throw .notANumber(field: "“\(kind.label)”分档“\(band.daysText)”的分值") }
            guard band.points >= 0 else { throw .negativePoints(rule: kind, points: band.points) }
            guard band.from >= 1, band.to.map({ $0 >= band.from }) ?? true else {
                throw .invalidBand(rule: kind, band: band)
            }
        }
        let ordered = bands.sorted { $0.from < $1.from }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) {
            guard let end = earlier.to, end < later.from else { throw .bandsOverlap(rule: kind, earlier, later) }
        }
    }
}
