import Foundation
import DubanCore
import Fluent
import SQLKit

/// The plans as the API returns them, each answer in a fixed number of queries.
enum APIPlanQuery {
    /// The government's plans in force, newest year first, with their task counts.
    static func list(governmentID: UUID, on database: any Database) async throws -> [PlanSummaryDTO] {
        let plans = try await Plan.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        let counts = try await PlanListQuery.taskCounts(planIDs: try plans.map { try $0.requireID() }, on: database)
        return try plans.map { plan in
            let id = try plan.requireID()
            return PlanSummaryDTO(
                id: id, title: plan.title, year: plan.year, docNumber: plan.docNumber, issuer: plan.issuer,
                issuedOn: plan.issuedOn, taskCount: counts[id] ?? 0, createdAt: plan.createdAt)
        }
    }

    /// The plan of the government with its sections in reading order; nil when the government has no such plan.
    static func detail(planID: UUID, governmentID: UUID, on database: any Database) async throws -> PlanDTO? {
        guard
            let plan = try await Plan.query(on: database).filter(\.$id == planID)
                .filter(\.$government.$id == governmentID).first()
        else { return nil }
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).all().map {
            PlanOutline.Section(id: try $0.requireID(), parentID: $0.$parent.id, title: $0.title, position: $0.position)
        }
        let tasks = try await taskKinds(planID: planID, on: database)
        let entries = PlanOutline.arrange(
            sections: sections, tasks: tasks, sectionOf: \.section, kindOf: { TaskKind(rawValue: $0.kind) ?? .task })
        let parents = Dictionary(sections.map { ($0.id, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        var tally = KindTally()
        for task in tasks { tally.add(TaskKind(rawValue: task.kind) ?? .task) }
        return PlanDTO(
            id: planID, title: plan.title, year: plan.year, docNumber: plan.docNumber, issuer: plan.issuer,
            issuedOn: plan.issuedOn, createdAt: plan.createdAt,
            sourceFileName: try await sourceFileName(planID: planID, on: database), taskCount: tally.total,
            taskCountsByKind: Dictionary(uniqueKeysWithValues: tally.allKinds.map { ($0.kind, $0.count) }),
            sections: entries.compactMap { entry in
                entry.sectionID.map { id in
                    SectionDTO(
                        id: id, parentId: parents[id] ?? nil, title: entry.title, depth: entry.depth,
                        taskCount: entry.tally.total)
                }
            })
    }

    /// Each task's section and kind: all the outline needs, without the text.
    private static func taskKinds(planID: UUID, on database: any Database) async throws
        -> [(section: UUID?, kind: String)]
    {
        let sql = try database.requireSQL()
        return try await sql.raw("SELECT section_id, kind FROM tasks WHERE plan_id = \(bind: planID)").all().map {
            (try $0.decode(column: "section_id", as: UUID?.self), try $0.decode(column: "kind", as: String.self))
        }
    }

    /// Only the file name: the source text can run to megabytes.
    private static func sourceFileName(planID: UUID, on database: any Database) async throws -> String? {
        let sql = try database.requireSQL()
        return try await sql.raw("SELECT file_name FROM plan_sources WHERE plan_id = \(bind: planID)")
            .first(decodingColumn: "file_name", as: String.self)
    }
}
