/// The points of one rule in a scheme: a flat number, or for lateness a rate per started block of days or a
/// list of day bands, with an optional cap on what the rule may cost (or give) one unit in one period.
///
/// Points are magnitudes; whether a rule deducts or adds is its kind's (`ScoringRuleKind.isAddition`). A rule
/// with 0 points and no bands is switched off: it scores nothing and `describe()` leaves it out.
public struct ScoringRule: Sendable, Hashable {
    /// The points of one event before weighting; for a lateness rule with bands, the points used when the
    /// number of days late is not known.
    public var points: Double
    /// For a lateness rule: `points` for each started block of this many days late ("每3天扣0.5分", so 4 days
    /// late cost two blocks). Nil to use `bands` or the flat points.
    public var perDays: Int?
    /// For a lateness rule: the points by days late. A delay outside every band costs nothing.
    public var bands: [DayBand]
    /// The most this rule may count for one unit in one period, after weighting ("每期最多扣2分"); nil for no limit.
    public var periodLimit: Double?

    /// Creates a rule.
    public init(points: Double, perDays: Int? = nil, bands: [DayBand] = [], periodLimit: Double? = nil) {
        self.points = points
        self.perDays = perDays
        self.bands = bands
        self.periodLimit = periodLimit
    }

    /// A rule switched off.
    public static let off = ScoringRule(points: 0)

    /// True when the rule can score anything.
    public var isInUse: Bool {
        points != 0 || bands.contains { $0.points != 0 }
    }

    /// The points of one event in scheme units, before weighting and the period limit; 0 when the rule does
    /// not apply (a delay outside every band, a rule switched off). Never negative, even for a scheme that was
    /// not validated.
    func rawUnits(daysLate: Int?) -> Int {
        let flat = ScoreNumber.fixed(points, scale: ScoreNumber.schemeScale)
        if !bands.isEmpty, let days = daysLate {
            let band = bands.first { $0.contains(days) }
            return max(0, band.map { ScoreNumber.fixed($0.points, scale: ScoreNumber.schemeScale) } ?? 0)
        }
        if let perDays, perDays > 0, let days = daysLate {
            guard days > 0 else { return 0 }
            // A delay of years is nonsense; bounding the blocks keeps the product inside an Int.
            let blocks = min((days - 1) / perDays + 1, 10_000)
            return max(0, ScoreNumber.clampedSchemeUnits(flat * blocks))
        }
        return max(0, flat)
    }

    /// The period limit in hundredths, or nil for none.
    var limitHundredths: Int? {
        periodLimit.map { max(0, ScoreNumber.fixed($0, scale: ScoreNumber.scoreScale)) }
    }
}

extension ScoringRule: Codable {
    /// The stored keys; shared with `ScoringScheme`, which decodes each rule over the standard one.
    enum CodingKeys: String, CodingKey { case points, perDays, bands, periodLimit }

    /// Decodes a rule on its own; a missing field is the switched-off rule's.
    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder.container(keyedBy: CodingKeys.self), fallback: .off)
    }

    /// Decodes a rule, taking each missing field from `fallback`. A field stored as null stays nil, so "no
    /// limit" saved today is not replaced by a later default.
    init(from container: KeyedDecodingContainer<CodingKeys>, fallback: ScoringRule) throws {
        points = try container.decodeIfPresent(Double.self, forKey: .points) ?? fallback.points
        perDays =
            container.contains(.perDays) ? try container.decodeIfPresent(Int.self, forKey: .perDays) : fallback.perDays
        bands = try container.decodeIfPresent([DayBand].self, forKey: .bands) ?? fallback.bands
        periodLimit =
            container.contains(.periodLimit)
            ? try container.decodeIfPresent(Double.self, forKey: .periodLimit) : fallback.periodLimit
    }

    /// Encodes every field, absent optionals as explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(points, forKey: .points)
        try container.encode(perDays, forKey: .perDays)
        try container.encode(bands, forKey: .bands)
        try container.encode(periodLimit, forKey: .periodLimit)
    }
}
