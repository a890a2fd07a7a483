import Foundation
import DubanCore
import Fluent
import SQLKit

/// Everything the plan page shows, in four set-based queries: the plan, its source's file name, its sections,
/// and its tasks with their units and leaders. The page stays fast for a 5,000-task plan because nothing is
/// loaded per task.
enum PlanPageQuery {
    /// The plan of the government with its section tree and tasks; nil when the government has no such plan.
    /// Each task shows its traffic light as of `today`.
    static func detail(planID: UUID, governmentID: UUID, today: CalendarDay, on database: any Database) async throws
        -> PlanDetail?
    {
        guard
            let plan = try await Plan.query(on: database).filter(\.$id == planID)
                .filter(\.$government.$id == governmentID).first()
        else { return nil }
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).all()
            .map {
                PlanOutline.Section(
                    id: try $0.requireID(), parentID: $0.$parent.id, title: $0.title, position: $0.position)
            }
        let rows = try await TaskLinesQuery.rows(.plan(planID), on: database)
        let entries = PlanOutline.arrange(sections: sections, tasks: rows, sectionOf: \.sectionId, kindOf: kind(of:))
        let lights = TaskLights(try await DutyStatus.board(.plan(planID), today: today, on: database))
        var tally = KindTally()
        for row in rows { if let kind = kind(of: row) { tally.add(kind) } }
        return PlanDetail(
            id: planID.uuidString.lowercased(), title: plan.title, year: plan.year, docNumber: plan.docNumber ?? "",
            issuer: plan.issuer ?? "", issuedOn: plan.issuedOn ?? "",
            sourceFileName: try await sourceFileName(planID: planID, on: database),
            withdrawalNote: plan.withdrawnAt.map { PlanWithdrawal.note(at: $0, reason: plan.withdrawalReason) } ?? "",
            kinds: tally.allKinds, total: tally.total,
            sections: entries.map { entry in
                PlanDetail.SectionBlock(
                    anchor: anchor(for: entry.sectionID), href: "#" + anchor(for: entry.sectionID), title: entry.title,
                    depth: entry.depth, headingLevel: min(entry.depth + 1, 6), total: entry.tally.total,
                    kinds: entry.tally.presentKinds,
                    tasks: entry.tasks.map { lights.apply(to: TaskLinesQuery.line($0), id: $0.id) })
            })
    }

    /// The fragment id of a section on the plan page; the "未分节" group has a fixed one.
    static func anchor(for sectionID: UUID?) -> String {
        sectionID.map { "section-" + $0.uuidString.lowercased() } ?? "unsectioned"
    }

    /// Stored kinds that this version does not know count as ordinary tasks rather than vanish from the totals.
    /// Withdrawn tasks are listed but not counted.
    private static func kind(of row: TaskLinesQuery.Row) -> TaskKind? {
        row.withdrawn ? nil : TaskKind(rawValue: row.kind) ?? .task
    }

    /// Only the file name: the source text can run to megabytes and the plan page does not show it.
    private static func sourceFileName(planID: UUID, on database: any Database) async throws -> String {
        let sql = try database.requireSQL()
        let name = try await sql.raw("SELECT file_name FROM plan_sources WHERE plan_id = \(bind: planID)")
            .first(decodingColumn: "file_name", as: String.self)
        return name ?? ""
    }
}
