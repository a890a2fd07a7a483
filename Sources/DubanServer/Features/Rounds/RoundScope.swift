import Fluent
import Foundation

/// What a round covers: the tasks of its plan, or of one section and the sections beneath it, and the units
/// of those tasks, narrowed to the round's units when it names some.
enum RoundScope {
    /// The active tasks in the round's scope, in plan order; with a unit list, only tasks one of them holds.
    static func duties(of round: SupervisionRound, on database: any Database) async throws -> [TaskDuty] {
        var duties: [TaskDuty]
        if let sectionID = round.$section.id {
            let ids = try await taskIDs(inSection: sectionID, planID: round.$plan.id, on: database)
            duties = try await TaskDuty.load(.tasks(ids), on: database).duties
        } else {
            duties = try await TaskDuty.load(.plan(round.$plan.id), on: database).duties
        }
        let units = round.scopedUnitIDs
        if !units.isEmpty {
            duties = duties.filter { duty in duty.units.contains { units.contains($0.id) } }
        }
        return duties
    }

    /// The units of a task a finding may name in this round.
    static func units(of duty: TaskDuty, in round: SupervisionRound) -> [TaskDuty.UnitRef] {
        let scoped = round.scopedUnitIDs
        return duty.units.filter { scoped.isEmpty || scoped.contains($0.id) }
    }

    /// The ids of the tasks under a section, including its subsections.
    private static func taskIDs(inSection sectionID: UUID, planID: UUID, on database: any Database) async throws
        -> [UUID]
    {
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).all()
        var included: Set<UUID> = [sectionID]
        var grew = true
        while grew {
            grew = false
            for section in sections {
                guard let id = section.id, !included.contains(id), let parent = section.$parent.id,
                    included.contains(parent)
                else { continue }
                included.insert(id)
                grew = true
            }
        }
        return try await TaskRecord.query(on: database).filter(\.$plan.$id == planID)
            .filter(\.$section.$id ~~ included).filter(\.$withdrawnAt == nil).all(\.$id)
    }
}
