import DubanCore
import Fluent
import Foundation

/// One task of a plan, as stored. (Named `TaskRecord` because `Task` is Swift's concurrency type.)
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class TaskRecord: Model, @unchecked Sendable {
    static let schema = "tasks"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// Unique inside the plan: section path plus number ("二.7").
    @Field(key: "key") var key: String
    /// As printed: "7", "(三)".
    @Field(key: "number") var number: String
    @Field(key: "kind") var kind: TaskKind
    @Field(key: "text") var text: String
    @OptionalField(key: "deadline") var deadline: String?
    /// For cascaded tasks: the higher level's number and words.
    @OptionalField(key: "parent_number") var parentNumber: String?
    @OptionalField(key: "parent_text") var parentText: String?
    /// 1-based line in the source document.
    @Field(key: "source_line") var sourceLine: Int
    /// Order inside the plan.
    @Field(key: "position") var position: Int
    /// Set when a revision of the plan removed the task. The task stays, with everything reported against
    /// it, shown as withdrawn and left out of counts and reporting.
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    // relationships
    @Parent(key: "plan_id") var plan: Plan
    @OptionalParent(key: "section_id") var section: PlanSection?
    @Children(for: \.$task) var assignments: [TaskAssignment]
    @Children(for: \.$task) var leaderLinks: [TaskLeader]

    init() {}

    init(
        id: UUID? = nil, planID: UUID, sectionID: UUID?, key: String, number: String, kind: TaskKind, text: String,
        deadline: String?, parentNumber: String?, parentText: String?, sourceLine: Int, position: Int
    ) {
        self.id = id
        self.$plan.id = planID
        self.$section.id = sectionID
        self.key = key
        self.number = number
        self.kind = kind
        self.text = text
        self.deadline = deadline
        self.parentNumber = parentNumber
        self.parentText = parentText
        self.sourceLine = sourceLine
        self.position = position
    }
}

/// A unit's role on a task: 总牵头 / 牵头 / 责任 / 协办.
final class TaskAssignment: Model, @unchecked Sendable {
    static let schema = "task_assignments"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "role") var role: AssignmentRole
    /// Order as printed within the role.
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "task_id") var task: TaskRecord
    @Parent(key: "unit_id") var unit: Unit

    init() {}

    init(id: UUID? = nil, taskID: UUID, unitID: UUID, role: AssignmentRole, position: Int) {
        self.id = id
        self.$task.id = taskID
        self.$unit.id = unitID
        self.role = role
        self.position = position
    }
}

/// A leader responsible for a task.
final class TaskLeader: Model, @unchecked Sendable {
    static let schema = "task_leaders"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "task_id") var task: TaskRecord
    @Parent(key: "leader_id") var leader: Leader

    init() {}

    init(id: UUID? = nil, taskID: UUID, leaderID: UUID, position: Int) {
        self.id = id
        self.$task.id = taskID
        self.$leader.id = leaderID
        self.position = position
    }
}
