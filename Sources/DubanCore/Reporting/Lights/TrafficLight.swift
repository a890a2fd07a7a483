/// The colour a task shows on the supervision board. Ordered by severity, so the worst of several signals is
/// their `max()`.
public enum TrafficLight: String, Sendable, Codable, CaseIterable, Comparable {
    case green
    case yellow
    case red

    /// The Chinese label shown to users.
    public var label: String {
        switch self {
        case .green: "绿灯"
        case .yellow: "黄灯"
        case .red: "红灯"
        }
    }

    /// 0 for green, 1 for yellow, 2 for red: the order as a number, which a database can sort and count by.
    public var severity: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.severity < rhs.severity }
}
