import DubanCore
import Fluent
import Foundation
import SQLKit

/// Who owes what on one task: the units that file its progress report under the plan's rules, and the other
/// units that contribute to it.
struct TaskDuty: Sendable {
    /// A unit as the reporting pages name it.
    struct UnitRef: Sendable, Hashable {
        var id: UUID
        var name: String
    }

    var taskID: UUID
    var planID: UUID
    var number: String
    var text: String
    var kind: String
    /// The units that file the consolidated report (one, or every 责任单位 under "各责任单位分别报送").
    var reporters: [UnitRef]
    /// Units named in other roles, who submit contributions the reporting unit sees.
    var contributors: [UnitRef]

    /// Every unit with a duty on the task.
    var units: [UnitRef] { reporters + contributors }

    /// Which tasks to load.
    enum Scope: Sendable {
        case plan(UUID)
        /// The tasks a unit holds in any role, in every plan of its government.
        case unit(UUID)
        case government(UUID)
        case tasks([UUID])
    }

    /// The duties of the active tasks (neither they nor their plan withdrawn) of a scope, in plan order, with each plan's rules.
    static func load(_ scope: Scope, on database: any Database) async throws
        -> (duties: [TaskDuty], plans: [UUID: PlanReporting])
    {
        let sql = try database.requireSQL()
        let condition: SQLQueryString
        switch scope {
        case .plan(let id): condition = "t.plan_id = \(bind: id)"
        case .unit(let id):
            condition = "t.id IN (SELECT task_id FROM task_assignments WHERE unit_id = \(bind: id))"
        case .government(let id): condition = "t.plan_id IN (SELECT id FROM plans WHERE government_id = \(bind: id))"
        case .tasks(let ids) where ids.isEmpty: condition = "1 = 0"
        case .tasks(let ids): condition = "t.id IN (\(binds: ids))"
        }
        // Two queries rather than one join: the task's words come once per task, not once per assignment.
        let taskRows = try await sql.raw(
            """
            SELECT t.id, t.plan_id, t.number, t.text, t.kind FROM tasks t \
            WHERE t.withdrawn_at IS NULL AND \(PlanWithdrawal.taskOfActivePlan) AND \(condition) ORDER BY t.plan_id, t.position
            """
        ).all()
        var order: [UUID] = []
        var tasks: [UUID: (planID: UUID, number: String, text: String, kind: String)] = [:]
        for row in taskRows {
            let taskID = try row.decode(column: "id", as: UUID.self)
            order.append(taskID)
            tasks[taskID] = (
                try row.decode(column: "plan_id", as: UUID.self), try row.decode(column: "number", as: String.self),
                try row.decode(column: "text", as: String.self), try row.decode(column: "kind", as: String.self)
            )
        }
        let assignmentRows = try await sql.raw(
            """
            SELECT a.task_id, a.role, u.id AS unit_id, u.name AS unit_name, u.is_collective \
            FROM tasks t JOIN task_assignments a ON a.task_id = t.id JOIN units u ON u.id = a.unit_id \
            WHERE t.withdrawn_at IS NULL AND \(PlanWithdrawal.taskOfActivePlan) AND \(condition) ORDER BY a.task_id, a.position
            """
        ).all()
        var units: [UUID: [(role: AssignmentRole, unit: UnitRef, collective: Bool)]] = [:]
        for row in assignmentRows {
            guard let role = AssignmentRole(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            let unit = UnitRef(
                id: try row.decode(column: "unit_id", as: UUID.self),
                name: try row.decode(column: "unit_name", as: String.self))
            units[try row.decode(column: "task_id", as: UUID.self), default: []].append(
                (role, unit, try row.decode(column: "is_collective", as: Bool.self)))
        }
        let plans = try await PlanReporting.load(planIDs: Array(Set(tasks.values.map(\.planID))), on: database)
        let duties = order.compactMap { taskID -> TaskDuty? in
            guard let task = tasks[taskID] else { return nil }
            let reporter = plans[task.planID]?.rules.reporter ?? .lead
            return duty(
                taskID: taskID, task: task, assignments: units[taskID] ?? [], reporter: reporter)
        }
        return (duties, plans)
    }

    /// Applies the plan's reporter rule to the task's units. Collective names ("各街道办事处") report through
    /// their members, not as themselves, so they are left out of duties.
    private static func duty(
        taskID: UUID, task: (planID: UUID, number: String, text: String, kind: String),
        assignments: [(role: AssignmentRole, unit: UnitRef, collective: Bool)], reporter: ReportingRules.Reporter
    ) -> TaskDuty {
        let concrete = assignments.filter { !$0.collective }
        var roles = TaskRoles()
        func names(_ role: AssignmentRole) -> [UnitName] {
            concrete.filter { $0.role == role }.map { UnitName(name: $0.unit.name, isCollective: false) }
        }
        roles.overallLeadUnits = names(.overallLead)
        roles.leadUnits = names(.lead)
        roles.responsibleUnits = names(.responsible)
        roles.assistingUnits = names(.assisting)
        var reporters: [UnitRef] = []
        if let role = reporter.reportingRole(for: roles) {
            let candidates = concrete.filter { $0.role == role }.map(\.unit)
            reporters = reporter == .responsible && role == .responsible ? candidates : Array(candidates.prefix(1))
        }
        var seen = Set(reporters.map(\.id))
        let contributors = concrete.map(\.unit).filter { seen.insert($0.id).inserted }
        return TaskDuty(
            taskID: taskID, planID: task.planID, number: task.number, text: task.text, kind: task.kind,
            reporters: reporters, contributors: contributors)
    }
}
