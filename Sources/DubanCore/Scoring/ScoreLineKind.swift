/// What a score line accounts for: the base score, one rule's event, or the floor or cap that clipped the sum.
public enum ScoreLineKind: Sendable, Hashable {
    /// The score every unit starts the period with.
    case base
    /// An event scored by a rule.
    case rule(ScoringRuleKind)
    /// The points given back because the sum fell below the floor.
    case floor
    /// The points taken off because the sum rose above the cap.
    case cap

    /// The Chinese name shown beside the line.
    public var label: String {
        switch self {
        case .base: "基础分"
        case .rule(let kind): kind.label
        case .floor: "最低分保底"
        case .cap: "最高分封顶"
        }
    }

    /// The rule, for a rule's line.
    public var rule: ScoringRuleKind? {
        if case .rule(let kind) = self { return kind }
        return nil
    }

    /// The stored form: "base", "floor", "cap" or the rule's raw value (which never clashes with those).
    var storedValue: String {
        switch self {
        case .base: "base"
        case .rule(let kind): kind.rawValue
        case .floor: "floor"
        case .cap: "cap"
        }
    }
}

extension ScoreLineKind: Codable {
    /// Decodes the stored string; an unknown one is an error, since a published score must be read exactly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch text {
        case "base": self = .base
        case "floor": self = .floor
        case "cap": self = .cap
        default:
            guard let kind = ScoringRuleKind(rawValue: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown score line: \(text)")
            }
            self = .rule(kind)
        }
    }

    /// Encodes as one string, so stored lines stay readable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedValue)
    }
}
