import Fluent
import Foundation

/// A leader's 批示 on a task, or on one report of it: what the leader asks the units to do. Kept for good —
/// never edited — as part of the task's history; each unit answers it in its next report.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class Instruction: Model, @unchecked Sendable {
    static let schema = "instructions"

    @ID(key: .id) var id: UUID?
    @Field(key: "text") var text: String
    /// The leader as shown: "孙丽（副区长）".
    @Field(key: "author") var author: String
    @Field(key: "created_at") var createdAt: Date

    @Parent(key: "task_id") var task: TaskRecord
    /// The report the instruction is written on; nil for one on the task as a whole.
    @OptionalParent(key: "report_id") var report: ProgressReport?
    @OptionalParent(key: "leader_id") var leader: Leader?
    @OptionalParent(key: "author_id") var authorUser: User?
    @Children(for: \.$instruction) var replies: [InstructionReply]

    init() {}

    init(taskID: UUID, reportID: UUID?, leaderID: UUID?, authorID: UUID?, author: String, text: String, at: Date) {
        self.$task.id = taskID
        self.$report.id = reportID
        self.$leader.id = leaderID
        self.$authorUser.id = authorID
        self.author = author
        self.text = text
        self.createdAt = at
    }
}

/// A unit's answer to a 批示, filed with its report: how the instruction was carried out.
final class InstructionReply: Model, @unchecked Sendable {
    static let schema = "instruction_replies"

    @ID(key: .id) var id: UUID?
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date

    @Parent(key: "instruction_id") var instruction: Instruction
    @Parent(key: "report_id") var report: ProgressReport
    @Parent(key: "unit_id") var unit: Unit

    init() {}

    init(instructionID: UUID, reportID: UUID, unitID: UUID, text: String, at: Date) {
        self.$instruction.id = instructionID
        self.$report.id = reportID
        self.$unit.id = unitID
        self.text = text
        self.createdAt = at
    }
}
