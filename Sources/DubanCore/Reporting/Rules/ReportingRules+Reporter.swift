extension ReportingRules {
    /// Which units file a task's progress report.
    ///
    /// Each choice falls back when a task names no unit of that role, as 江夏 writes it: "各总牵头单位（无总牵头单位的
    /// 由牵头单位报送）".
    public enum Reporter: String, Sendable, Codable, CaseIterable {
        /// The 总牵头单位 reports for every task of its section; tasks outside such a section fall back to their
        /// 牵头单位, then to their 责任单位.
        case overallLead = "overall_lead"
        /// The 牵头单位 reports for its task, gathering the other units' input; a task without one falls back to its
        /// 责任单位 (东西湖-style plans name only 责任单位), then to a 总牵头单位.
        case lead
        /// Every 责任单位 reports on its own share ("各责任单位…每季度…报送"); a task naming none falls back to its
        /// 牵头单位, then to a 总牵头单位.
        case responsible

        /// The role the rule names.
        public var role: AssignmentRole {
            switch self {
            case .overallLead: .overallLead
            case .lead: .lead
            case .responsible: .responsible
            }
        }

        /// The Chinese sentence shown with the rules.
        public var label: String {
            switch self {
            case .overallLead: "由总牵头单位报送（无总牵头单位的由牵头单位报送）"
            case .lead: "由牵头单位报送（无牵头单位的由责任单位报送）"
            case .responsible: "由各责任单位分别报送"
            }
        }

        /// The role whose units report for a task with these roles: the named role, else the more specific roles
        /// below it, else the broader ones above it, nearest first. Nil when the task names no unit at all, or
        /// only 协办单位, who never report.
        public func reportingRole(for roles: TaskRoles) -> AssignmentRole? {
            let order: [AssignmentRole] =
                switch self {
                case .overallLead: [.overallLead, .lead, .responsible]
                case .lead: [.lead, .responsible, .overallLead]
                case .responsible: [.responsible, .lead, .overallLead]
                }
            return order.first { !roles.units($0).isEmpty }
        }
    }
}
