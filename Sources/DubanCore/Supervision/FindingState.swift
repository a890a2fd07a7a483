/// Where one 督查 finding stands. A finding is raised open; the unit's 整改 response makes it responded; the
/// 督查室 either closes it (销号) or reopens it, which asks the unit for another response.
public enum FindingState: String, Sendable, Codable, CaseIterable {
    case open
    case responded
    case closed
    case reopened

    /// The Chinese label.
    public var label: String {
        switch self {
        case .open: "待整改"
        case .responded: "已报整改"
        case .closed: "已销号"
        case .reopened: "重新整改"
        }
    }

    /// True while the unit owes a response: it has not answered, or the 督查室 sent the answer back.
    public var awaitsUnit: Bool { self == .open || self == .reopened }

    /// True while the finding is not closed; the 整改 deadline runs against these.
    public var isOutstanding: Bool { self != .closed }
}
