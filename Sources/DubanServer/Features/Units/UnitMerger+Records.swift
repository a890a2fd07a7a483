import Fluent
import Foundation
import SQLKit

/// What a unit has done moves with it when it is merged: its reports and work plans with their evidence, the
/// urges it received, its replies to leaders' 批示, the bulletins that named it, its notifications, webhooks and
/// contacts. Every one of these rows is deleted with its unit, so a merge that left them behind would erase the
/// source's whole record.
extension UnitMerger {
    /// Moves the source's records to the target; returns how many reports and work plans moved.
    static func moveRecords(from sourceID: UUID, to targetID: UUID, on database: any Database) async throws -> Int {
        let sql = try database.requireSQL()
        let filings =
            try await moveReports(from: sourceID, to: targetID, on: database)
            + (try await moveWorkPlans(from: sourceID, to: targetID, on: database))
        for table in ["task_urges", "instruction_replies", "bulletin_mentions", "notifications", "webhooks"] {
            try await sql.raw(
                "UPDATE \(ident: table) SET unit_id = \(bind: targetID) WHERE unit_id = \(bind: sourceID)"
            ).run()
        }
        // A contact in a role the target has no one for moves; the target's own contacts stay as they are.
        try await sql.raw(
            """
            UPDATE unit_contacts SET unit_id = \(bind: targetID) WHERE unit_id = \(bind: sourceID) AND role NOT IN \
            (SELECT role FROM unit_contacts WHERE unit_id = \(bind: targetID))
            """
        ).run()
        return filings
    }

    /// The source's reports become the target's. Where both filed the same task's period (both were named on
    /// the task), the source's versions come first as history and the target's follow, renumbered after them:
    /// the target's current version stays the current one and the next filing numbers on from it.
    private static func moveReports(from sourceID: UUID, to targetID: UUID, on database: any Database)
        async throws -> Int
    {
        let moving = try await ProgressReport.query(on: database).filter(\.$unit.$id == sourceID).all()
        guard !moving.isEmpty else { return 0 }
        func key(_ report: ProgressReport) -> String { "\(report.$task.id)|\(report.period)|\(report.kind.rawValue)" }
        var history: [String: Int] = [:]
        for report in moving { history[key(report)] = max(history[key(report)] ?? 0, report.version) }
        let staying = try await ProgressReport.query(on: database).filter(\.$unit.$id == targetID)
            .filter(\.$task.$id ~~ Set(moving.map(\.$task.id))).sort(\.$version, .descending).all()
        var shared = Set<String>()
        for report in staying {
            guard let shift = history[key(report)] else { continue }
            shared.insert(key(report))
            report.version += shift
            try await report.save(on: database)
        }
        for report in moving {
            report.$unit.id = targetID
            if shared.contains(key(report)) { report.state = .superseded }
            try await report.save(on: database)
        }
        return moving.count
    }

    /// The same for work plans, one chain per task.
    private static func moveWorkPlans(from sourceID: UUID, to targetID: UUID, on database: any Database)
        async throws -> Int
    {
        let moving = try await WorkPlan.query(on: database).filter(\.$unit.$id == sourceID).all()
        guard !moving.isEmpty else { return 0 }
        var history: [UUID: Int] = [:]
        for plan in moving { history[plan.$task.id] = max(history[plan.$task.id] ?? 0, plan.version) }
        let staying = try await WorkPlan.query(on: database).filter(\.$unit.$id == targetID)
            .filter(\.$task.$id ~~ Set(history.keys)).sort(\.$version, .descending).all()
        var shared = Set<UUID>()
        for plan in staying {
            guard let shift = history[plan.$task.id] else { continue }
            shared.insert(plan.$task.id)
            plan.version += shift
            try await plan.save(on: database)
        }
        for plan in moving {
            plan.$unit.id = targetID
            if shared.contains(plan.$task.id) { plan.state = .superseded }
            try await plan.save(on: database)
        }
        return moving.count
    }
}
