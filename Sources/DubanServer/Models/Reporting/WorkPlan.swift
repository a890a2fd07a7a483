import Fluent
import Foundation

/// A unit's work plan for one task (办理方案, 附表1): the concrete work items it commits to. Every submission
/// is a new version; earlier ones stay, superseded, so what was promised when can always be read again.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class WorkPlan: Model, @unchecked Sendable {
    static let schema = "work_plans"

    @ID(key: .id) var id: UUID?
    /// 1 for the first submission of this unit for this task.
    @Field(key: "version") var version: Int
    @Field(key: "state") var state: ReviewState
    @Field(key: "submitted_at") var submittedAt: Date
    @OptionalParent(key: "submitted_by_id") var submittedBy: User?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalParent(key: "reviewer_id") var reviewer: User?
    @Field(key: "review_comment") var reviewComment: String
    /// Days after the rules' work-plan due day it was first filed; 0 when on time or when no day is set.
    @Field(key: "days_late") var daysLate: Int

    @Parent(key: "task_id") var task: TaskRecord
    @Parent(key: "unit_id") var unit: Unit
    @Children(for: \.$workPlan) var items: [WorkPlanItem]

    init() {}

    init(
        id: UUID? = nil, taskID: UUID, unitID: UUID, version: Int, daysLate: Int = 0, submittedAt: Date,
        submittedByID: UUID?
    ) {
        self.id = id
        self.$task.id = taskID
        self.$unit.id = unitID
        self.version = version
        self.state = .submitted
        self.submittedAt = submittedAt
        self.$submittedBy.id = submittedByID
        self.reviewComment = ""
        self.daysLate = daysLate
    }
}

/// One work item of a work plan: what will be done, by when, under which leader, by which department.
final class WorkPlanItem: Model, @unchecked Sendable {
    static let schema = "work_plan_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "position") var position: Int
    @Field(key: "content") var content: String
    /// 1–12: the month of the plan's year the item is to be finished.
    @Field(key: "planned_month") var plannedMonth: Int
    /// 分管负责人.
    @Field(key: "leader") var leader: String
    /// 责任科室.
    @Field(key: "department") var department: String

    @Parent(key: "work_plan_id") var workPlan: WorkPlan

    init() {}

    init(
        id: UUID? = nil, workPlanID: UUID, position: Int, content: String, plannedMonth: Int, leader: String,
        department: String
    ) {
        self.id = id
        self.$workPlan.id = workPlanID
        self.position = position
        self.content = content
        self.plannedMonth = plannedMonth
        self.leader = leader
        self.department = department
    }
}
