import Fluent
import Foundation

/// A cascaded task's link to the higher government's task it localises, on the same installation: suggested
/// on import from the quotation, then confirmed, changed or set to "no parent" by the lower 督查室. Both tasks
/// keep their identity through revisions of either plan, so a link outlives them.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class TaskLink: Model, @unchecked Sendable {
    static let schema = "task_links"

    /// Where a link stands.
    enum State: String, Codable, Sendable, CaseIterable {
        /// Found on import, waiting for the 督查室.
        case suggested
        /// Confirmed (or picked) by the 督查室.
        case confirmed
        /// The 督查室 said the task localises no higher task on this installation.
        case none

        var label: String {
            switch self {
            case .suggested: "待确认"
            case .confirmed: "已确认"
            case .none: "无上级任务"
            }
        }
    }

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "state") var state: State
    /// The matcher's score for a suggestion, 0…1; nil once chosen by hand.
    @OptionalField(key: "score") var score: Double?

    // relationships
    /// The lower government's task. One link per task.
    @Parent(key: "task_id") var task: TaskRecord
    /// The higher task; nil for `none`.
    @OptionalParent(key: "parent_task_id") var parent: TaskRecord?

    init() {}

    init(id: UUID? = nil, taskID: UUID, parentTaskID: UUID?, state: State, score: Double?) {
        self.id = id
        self.$task.id = taskID
        self.$parent.id = parentTaskID
        self.state = state
        self.score = score
    }
}
