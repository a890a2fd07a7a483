/// The three people each unit names for a plan: the leader who answers for it, the head of the office that
/// coordinates it, and the clerk who files the reports. The 督查室 calls them in the reverse order.
public enum ContactRole: String, Sendable, Codable, CaseIterable {
    case leaderInCharge = "leader_in_charge"
    case officeHead = "office_head"
    case clerk

    /// The Chinese label shown to users.
    public var label: String {
        switch self {
        case .leaderInCharge: "分管领导"
        case .officeHead: "办公室/统筹科室负责人"
        case .clerk: "经办人"
        }
    }
}
