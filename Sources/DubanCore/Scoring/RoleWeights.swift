/// How much an event counts by the unit's role in the task: a lead unit answers for the whole task, an assisting
/// unit for its share, so the same late report costs the lead unit more.
public struct RoleWeights: Sendable, Hashable {
    /// 总牵头单位.
    public var overallLead: Double
    /// 牵头单位.
    public var lead: Double
    /// 责任单位.
    public var responsible: Double
    /// 协办单位.
    public var assisting: Double

    /// Creates weights; the defaults are the common ones (1.0, 1.0, 0.6, 0.3).
    public init(overallLead: Double = 1.0, lead: Double = 1.0, responsible: Double = 0.6, assisting: Double = 0.3) {
        self.overallLead = overallLead
        self.lead = lead
        self.responsible = responsible
        self.assisting = assisting
    }

    /// The common weights.
    public static let standard = RoleWeights()

    /// The weight of one role.
    public subscript(role: AssignmentRole) -> Double {
        get {
            switch role {
            case .overallLead: overallLead
            case .lead: lead
            case .responsible: responsible
            case .assisting: assisting
            }
        }
        set {
            switch role {
            case .overallLead: overallLead = newValue
            case .lead: lead = newValue
            case .responsible: responsible = newValue
            case .assisting: assisting = newValue
            }
        }
    }
}

extension RoleWeights: Codable {
    /// Keyed by `AssignmentRole`'s stored values, so the JSON names roles the way the rest of Duban does.
    private enum CodingKeys: String, CodingKey {
        case overallLead = "overall_lead"
        case lead, responsible, assisting
    }

    /// Decodes stored weights; a missing role takes the standard weight.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = RoleWeights.standard
        overallLead = try container.decodeIfPresent(Double.self, forKey: .overallLead) ?? fallback.overallLead
        lead = try container.decodeIfPresent(Double.self, forKey: .lead) ?? fallback.lead
        responsible = try container.decodeIfPresent(Double.self, forKey: .responsible) ?? fallback.responsible
        assisting = try container.decodeIfPresent(Double.self, forKey: .assisting) ?? fallback.assisting
    }

    /// Encodes every role.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overallLead, forKey: .overallLead)
        try container.encode(lead, forKey: .lead)
        try container.encode(responsible, forKey: .responsible)
        try container.encode(assisting, forKey: .assisting)
    }
}
