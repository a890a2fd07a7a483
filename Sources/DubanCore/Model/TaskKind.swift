/// What sort of commitment a task is. Plans mix them, and each kind is reported and scored differently:
/// targets are figures checked at year end, 民生实事 are publicly promised projects, cascaded rows localise a
/// higher government's task.
public enum TaskKind: String, Sendable, Codable, CaseIterable {
    /// 主要预期目标 — a headline figure such as "地区生产总值增长8%以上".
    case target
    /// 重点工作 / 当年工作任务 — the ordinary work item.
    case task
    /// 民生实事 — a livelihood project promised to residents.
    case livelihood
    /// 续建项目 — a project carried over from an earlier year.
    case continued
    /// A row that localises a higher level's task (市级下达的责任事项 → 本区目标任务).
    case cascaded

    /// The Chinese label shown to users.
    public var label: String {
        switch self {
        case .target: "主要目标"
        case .task: "重点工作"
        case .livelihood: "民生实事"
        case .continued: "续建项目"
        case .cascaded: "上级下达"
        }
    }
}
