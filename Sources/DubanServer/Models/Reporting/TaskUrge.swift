import Fluent
import Foundation

/// A 催办 of one task to one unit: who urged, when, and what they said.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class TaskUrge: Model, @unchecked Sendable {
    static let schema = "task_urges"

    @ID(key: .id) var id: UUID?
    /// The urging person as the audit log names them: "张主任（admin）".
    @Field(key: "urged_by") var urgedBy: String
    @Field(key: "message") var message: String
    @Field(key: "urged_at") var urgedAt: Date

    @Parent(key: "task_id") var task: TaskRecord
    @Parent(key: "unit_id") var unit: Unit

    init() {}

    init(taskID: UUID, unitID: UUID, urgedBy: String, message: String, urgedAt: Date) {
        self.$task.id = taskID
        self.$unit.id = unitID
        self.urgedBy = urgedBy
        self.message = message
        self.urgedAt = urgedAt
    }
}
