/// The part a unit plays in a task. The order is the order of responsibility: the 总牵头单位 coordinates a
/// whole section, the 牵头单位 reports for the task, 责任单位 share the work, 协办单位 assist.
public enum AssignmentRole: String, Sendable, Codable, CaseIterable, Comparable {
    case overallLead = "overall_lead"
    case lead
    case responsible
    case assisting

    /// The Chinese label shown to users.
    public var label: String {
        switch self {
        case .overallLead: "总牵头单位"
        case .lead: "牵头单位"
        case .responsible: "责任单位"
        case .assisting: "协办单位"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

extension TaskRoles {
    /// The units of one role.
    public func units(_ role: AssignmentRole) -> [UnitName] {
        switch role {
        case .overallLead: overallLeadUnits
        case .lead: leadUnits
        case .responsible: responsibleUnits
        case .assisting: assistingUnits
        }
    }
}
