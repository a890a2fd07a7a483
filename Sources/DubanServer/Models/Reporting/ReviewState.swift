/// Where a submitted work plan or progress report stands with the 督查室.
enum ReviewState: String, Codable, Sendable, CaseIterable {
    /// Filed, waiting for the 督查室.
    case submitted
    case accepted
    /// Sent back with a comment; the unit files a new version.
    case returned
    /// A newer version of the same report exists; kept for the record.
    case superseded

    /// The Chinese label.
    var label: String {
        switch self {
        case .submitted: "待审核"
        case .accepted: "已通过"
        case .returned: "已退回"
        case .superseded: "已被新版本替代"
        }
    }
}
