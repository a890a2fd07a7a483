/// What a report's check found. The raw values are stored with each flag; never rename one.
public enum QualityFlagKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The text repeats the same unit's report of an earlier period nearly word for word.
    case repeatedText = "repeated_text"
    /// The same text was filed by another unit, or by the same unit for another task.
    case sharedText = "shared_text"
    /// 已完成 declared while a figure is below the year's target.
    case completedBelowTarget = "completed_below_target"
    /// 按序时推进 declared while a figure is behind 序时.
    case onScheduleBehindPace = "on_schedule_behind_pace"
    /// An evidence file already filed for another task.
    case reusedEvidence = "reused_evidence"
    /// A figure the other level contradicts: a higher task's count below what its lower governments reported for
    /// the same period.
    case contradictsOtherLevel = "contradicts_other_level"

    /// The short Chinese name shown beside the flag.
    public var label: String {
        switch self {
        case .repeatedText: "与上期报告雷同"
        case .sharedText: "与其他报告雷同"
        case .completedBelowTarget: "报已完成但指标未达目标"
        case .onScheduleBehindPace: "报按序时推进但指标未达序时"
        case .reusedEvidence: "佐证材料重复使用"
        case .contradictsOtherLevel: "与上下级报送数据矛盾"
        }
    }
}
