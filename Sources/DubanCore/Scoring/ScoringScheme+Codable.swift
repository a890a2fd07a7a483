extension ScoringScheme: Codable {
    private enum CodingKeys: String, CodingKey { case base, floor, cap, roleWeights, rules }

    /// A rule's key in the stored `rules` object: its kind's raw value.
    private struct RuleKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ kind: ScoringRuleKind) { stringValue = kind.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a stored scheme. Anything missing — a field, a whole rule added after the scheme was saved, or a
    /// field of a rule — takes the standard scheme's value, so schemes saved today keep decoding as rules are
    /// added; keys this version does not know are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = ScoringScheme.standard
        base = try container.decodeIfPresent(Double.self, forKey: .base) ?? fallback.base
        floor = try container.decodeIfPresent(Double.self, forKey: .floor) ?? fallback.floor
        cap = try container.decodeIfPresent(Double.self, forKey: .cap) ?? fallback.cap
        roleWeights = try container.decodeIfPresent(RoleWeights.self, forKey: .roleWeights) ?? fallback.roleWeights
        guard container.contains(.rules) else {
            rules = fallback.rules
            return
        }
        let stored = try container.nestedContainer(keyedBy: RuleKey.self, forKey: .rules)
        var rules: [ScoringRuleKind: ScoringRule] = [:]
        for kind in ScoringRuleKind.allCases {
            let key = RuleKey(kind)
            guard stored.contains(key) else {
                rules[kind] = fallback.rule(kind)
                continue
            }
            let fields = try stored.nestedContainer(keyedBy: ScoringRule.CodingKeys.self, forKey: key)
            rules[kind] = try ScoringRule(from: fields, fallback: fallback.rule(kind))
        }
        self.rules = rules
    }

    /// Encodes every field and every rule, a switched-off rule included, so a saved scheme says what each rule
    /// was when it was saved.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(base, forKey: .base)
        try container.encode(floor, forKey: .floor)
        try container.encode(cap, forKey: .cap)
        try container.encode(roleWeights, forKey: .roleWeights)
        var stored = container.nestedContainer(keyedBy: RuleKey.self, forKey: .rules)
        for kind in ScoringRuleKind.allCases {
            try stored.encode(rule(kind), forKey: RuleKey(kind))
        }
    }
}
