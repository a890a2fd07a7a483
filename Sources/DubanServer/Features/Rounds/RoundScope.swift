import Fluent
import Foundation

/// What a round covers: the tasks of its plan, or of one section and the sections beneath it, and the units
/// of those tasks, narrowed to the round's units when it names some.
enum RoundScope {
    /// The active tasks in the round's scope, in plan order; with a unit list, only tasks one of them holds.
    static func duties(of round: SupervisionRound, on database: any Database) async throws -> [TaskDuty] {
        var duties: [TaskDuty]
        if let sectionID = round.$section.id {
            let sections = try await sectionIDs(under: sectionID, planID: round.$plan.id, on: database)
            let ids = try await TaskRecord.query(on: database).filter(\.$plan.$id == round.$plan.id)
                .filter(\.$section.$id ~~ sections).filter(\.$withdrawnAt == nil).all(\.$id)
            duties = try await TaskDuty.load(.tasks(ids), on: database).duties
        } else {
            duties = try await TaskDuty.load(.plan(round.$plan.id), on: database).duties
        }
        return duties.filter { isInScope($0, of: round) }
    }

    /// The one task's duty when it is in the round's scope; nil otherwise. Reads that task alone, not the plan.
    static func duty(_ taskID: UUID, in round: SupervisionRound, on database: any Database) async throws
        -> TaskDuty?
    {
        guard let duty = try await TaskDuty.load(.tasks([taskID]), on: database).duties.first,
            duty.planID == round.$plan.id, isInScope(duty, of: round)
        else { return nil }
        guard let sectionID = round.$section.id else { return duty }
        guard let task = try await TaskRecord.find(taskID, on: database), let taskSection = task.$section.id else {
            return nil
        }
        let sections = try await sectionIDs(under: sectionID, planID: round.$plan.id, on: database)
        return sections.contains(taskSection) ? duty : nil
    }

    /// With a unit list, only tasks one of its units holds are in scope.
    private static func isInScope(_ duty: TaskDuty, of round: SupervisionRound) -> Bool {
        let units = round.scopedUnitIDs
        return units.isEmpty || duty.units.contains { units.contains($0.id) }
    }

    /// The units of a task a finding may name in this round.
    static func units(of duty: TaskDuty, in round: SupervisionRound) -> [TaskDuty.UnitRef] {
        let scoped = round.scopedUnitIDs
        return duty.units.filter { scoped.isEmpty || scoped.contains($0.id) }
    }

    /// The section and every section beneath it.
    private static func sectionIDs(under sectionID: UUID, planID: UUID, on database: any Database) async throws
        -> Set<UUID>
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
        return included
    }
}
