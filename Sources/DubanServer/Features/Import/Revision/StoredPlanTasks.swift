import DubanCore
import Fluent
import Foundation

/// The active (not withdrawn) tasks of a published plan, each with its snapshot for `PlanDiff`, and the plan's
/// sections by heading path.
struct StoredPlanTasks {
    var records: [TaskRecord]
    var snapshots: [TaskSnapshot]
    /// Section id by heading path, outermost first.
    var sectionIDs: [[String]: UUID]
    var sectionCount: Int

    /// Loads the plan's tasks in order, with units, leaders and sections.
    static func load(planID: UUID, on database: any Database) async throws -> StoredPlanTasks {
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).all()
        var byID: [UUID: PlanSection] = [:]
        for section in sections { byID[try section.requireID()] = section }
        func path(_ id: UUID?) -> [String] {
            var result: [String] = []
            var current = id
            while let id = current, let section = byID[id], result.count < 32 {
                result.insert(section.title, at: 0)
                current = section.$parent.id
            }
            return result
        }
        var sectionIDs: [[String]: UUID] = [:]
        for (id, _) in byID { sectionIDs[path(id)] = id }
        let records = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID)
            .filter(\.$withdrawnAt == nil).sort(\.$position)
            .with(\.$assignments) { $0.with(\.$unit) }.with(\.$leaderLinks) { $0.with(\.$leader) }.all()
        let snapshots = records.map { record in
            var units: [AssignmentRole: [String]] = [:]
            for assignment in record.assignments.sorted(by: { $0.position < $1.position }) {
                let role = assignment.role
                units[role, default: []].append(assignment.unit.name)
            }
            return TaskSnapshot(
                key: record.key, number: record.number, sections: path(record.$section.id), text: record.text,
                leaders: record.leaderLinks.sorted { $0.position < $1.position }.map(\.leader.name), units: units,
                deadline: record.deadline)
        }
        return StoredPlanTasks(
            records: records, snapshots: snapshots, sectionIDs: sectionIDs, sectionCount: sections.count)
    }
}
