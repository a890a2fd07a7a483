import Foundation
import DubanCore
import Fluent
import SQLKit

/// Everything the plan page shows: the plan, its source's file name, its sections with their task counts (counted
/// by the database), and one page of tasks with their units, leaders and lights. A page of a 50,000-task plan
/// reads its own 200 tasks and the counts, nothing per task and nothing of the other pages.
enum PlanPageQuery {
    /// Which page to show: a 1-based number, or the page holding a section (its anchor, as task pages link).
    struct PageChoice: Sendable {
        var number: Int?
        var sectionAnchor: String?
    }

    /// The plan of the government with its section tree and one page of tasks; nil when the government has no
    /// such plan. Each task shows its traffic light as of `today`.
    static func detail(
        planID: UUID, governmentID: UUID, today: CalendarDay, page choice: PageChoice = .init(),
        on database: any Database
    ) async throws -> PlanDetail? {
        guard
            let plan = try await Plan.query(on: database).filter(\.$id == planID)
                .filter(\.$government.$id == governmentID).first()
        else { return nil }
        let sections = try await PlanOutline.Section.load(planID: planID, on: database)
        let paging = PlanPaging(sections: sections, counts: try await counts(planID: planID, on: database))
        let chosen = choice.sectionAnchor.flatMap(paging.index(ofAnchor:)).map(paging.page(of:))
        let page = min(max((chosen.map { $0 + 1 } ?? choice.number ?? 1), 1), paging.pageCount)
        let pieces = paging.pieces(onPage: page - 1)
        let rows = try await rows(of: pieces, in: paging, planID: planID, on: database)
        // The page's lights from the stored ones: one query when the plan is current.
        try await DutyStates.current(planIDs: [planID], today: today, on: database)
        let lights = try await DutyStateCounts(
            taskIDs: rows.values.flatMap { $0.map(\.id) }, planIDs: [planID], on: database
        ).taskLights()
        let tally = paging.planTally
        let first = pieces.first { !$0.isContext }.map { paging.placements[$0.index].start + $0.offset } ?? 0
        let shown = pieces.reduce(0) { $0 + $1.limit }
        return PlanDetail(
            id: planID.uuidString.lowercased(), title: plan.title, year: plan.year, docNumber: plan.docNumber ?? "",
            issuer: plan.issuer ?? "", issuedOn: plan.issuedOn ?? "",
            sourceFileName: try await sourceFileName(planID: planID, on: database),
            withdrawalNote: plan.withdrawnAt.map { PlanWithdrawal.note(at: $0, reason: plan.withdrawalReason) } ?? "",
            kinds: tally.allKinds, total: tally.total,
            contents: paging.placements.enumerated().map { index, placement in
                let anchor = anchor(for: placement.sectionID)
                let target = paging.page(of: index) + 1
                let href = target == page ? "#" + anchor : SiteURL.planPage(planID, page: target).path + "#" + anchor
                return PlanDetail.ContentsEntry(
                    href: href, title: placement.title, depth: placement.depth, total: placement.tally.total)
            },
            sections: pieces.map { piece in
                let placement = paging.placements[piece.index]
                let anchor = anchor(for: placement.sectionID)
                return PlanDetail.SectionBlock(
                    anchor: anchor, href: "#" + anchor, title: placement.title, depth: placement.depth,
                    headingLevel: min(placement.depth + 1, 6), total: placement.tally.total,
                    kinds: placement.tally.presentKinds, continued: piece.isContext || piece.offset > 0,
                    tasks: (rows[piece.index] ?? []).map { lights.apply(to: TaskLinesQuery.line($0), id: $0.id) })
            },
            pager: Pager(page: page, pageCount: paging.pageCount) { SiteURL.planPage(planID, page: $0).path },
            shownRange: paging.pageCount > 1 && shown > 0
                ? "本页第 \(first + 1)–\(first + shown) 项，共 \(paging.total) 项" : "")
    }

    /// Tasks per section and kind, withdrawn ones apart: the whole plan's shape in a few dozen rows.
    private static func counts(planID: UUID, on database: any Database) async throws -> [PlanPaging.Count] {
        let sql = try database.requireSQL()
        let withdrawn: SQLQueryString = "CASE WHEN withdrawn_at IS NULL THEN 0 ELSE 1 END"
        return try await sql.raw(
            """
            SELECT section_id, kind, \(withdrawn) AS withdrawn, count(*) AS n FROM tasks \
            WHERE plan_id = \(bind: planID) GROUP BY section_id, kind, \(withdrawn)
            """
        ).all().map { row in
            let kind = try row.decode(column: "kind", as: String.self)
            let isWithdrawn = try row.decode(column: "withdrawn", as: Int.self) != 0
            return PlanPaging.Count(
                sectionID: try row.decode(column: "section_id", as: UUID?.self),
                // Stored kinds this version does not know count as ordinary tasks rather than vanish.
                kind: isWithdrawn ? nil : TaskKind(rawValue: kind) ?? .task,
                count: try row.decode(column: "n", as: Int.self))
        }
    }

    /// The rows of a page's pieces, keyed by placement: sections shown whole in one query, the one or two cut
    /// by the page's edges each by their offset.
    private static func rows(
        of pieces: [PlanPaging.Piece], in paging: PlanPaging, planID: UUID, on database: any Database
    ) async throws -> [Int: [TaskLinesQuery.Row]] {
        let known = Set(paging.placements.compactMap(\.sectionID))
        var result: [Int: [TaskLinesQuery.Row]] = [:]
        let whole = pieces.filter { !$0.isContext && $0.limit > 0 && $0.isWhole }
        let indexBySection = Dictionary(
            whole.map { (paging.placements[$0.index].sectionID, $0.index) }, uniquingKeysWith: { first, _ in first })
        if !whole.isEmpty {
            let scope = TaskLinesQuery.Scope.sections(
                plan: planID, ids: whole.compactMap { paging.placements[$0.index].sectionID },
                loose: indexBySection.keys.contains(nil) ? known : nil)
            for row in try await TaskLinesQuery.rows(scope, on: database) {
                let section = row.sectionId.flatMap { known.contains($0) ? $0 : nil }
                if let index = indexBySection[section] { result[index, default: []].append(row) }
            }
        }
        for piece in pieces where !piece.isContext && piece.limit > 0 && !piece.isWhole {
            let section = paging.placements[piece.index].sectionID
            let scope = TaskLinesQuery.Scope.sections(
                plan: planID, ids: section.map { [$0] } ?? [], loose: section == nil ? known : nil)
            result[piece.index] = try await TaskLinesQuery.rows(
                scope, offset: piece.offset, limit: piece.limit, on: database)
        }
        return result
    }

    /// The fragment id of a section on the plan page; the "未分节" group has a fixed one.
    static func anchor(for sectionID: UUID?) -> String {
        sectionID.map { "section-" + $0.uuidString.lowercased() } ?? "unsectioned"
    }

    /// Only the file name: the source text can run to megabytes and the plan page does not show it.
    private static func sourceFileName(planID: UUID, on database: any Database) async throws -> String {
        let sql = try database.requireSQL()
        let name = try await sql.raw("SELECT file_name FROM plan_sources WHERE plan_id = \(bind: planID)")
            .first(decodingColumn: "file_name", as: String.self)
        return name ?? ""
    }
}
