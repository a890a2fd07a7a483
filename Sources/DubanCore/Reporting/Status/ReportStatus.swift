/// The state a unit declares for its task in a progress report. The raw values are stored, so they are stable
/// English words; the labels are the five the 督查室 forms have always used.
public enum ReportStatus: String, Sendable, Codable, CaseIterable {
    case completed
    case onSchedule = "on_schedule"
    case behind
    case notStarted = "not_started"
    case impossible

    /// The Chinese label shown to users.
    public var label: String {
        switch self {
        case .completed: "已完成"
        case .onSchedule: "按序时推进"
        case .behind: "滞后"
        case .notStarted: "未启动"
        case .impossible: "无法完成"
        }
    }

    /// True when the unit must explain itself: the 督查室 follows up on every task that is not moving as planned.
    public var requiresReason: Bool {
        switch self {
        case .completed, .onSchedule: false
        case .behind, .notStarted, .impossible: true
        }
    }
}
