import DubanCore
import Fluent
import Foundation
import SQLKit

/// Reads for the rounds pages, the desk, the 督办 overview and the lights. Counts are taken in SQL.
enum RoundQuery {
    /// How a set of findings stands on a day.
    struct Tally: Sendable, Equatable, Encodable {
        var total = 0
        /// Not closed.
        var outstanding = 0
        /// The unit owes an answer and the deadline has passed.
        var overdue = 0
        /// Answered and waiting for the 督查室's 销号.
        var awaitingReview = 0
        var closed = 0
    }

    /// The findings' tallies per round of the government, as of `today`.
    static func tallies(governmentID: UUID, today: CalendarDay, on database: any Database) async throws
        -> [UUID: Tally]
    {
        try await tallies(
            where: "r.government_id = \(bind: governmentID)", today: today, on: database, key: "f.round_id")
    }

    /// The findings' tally of one unit (its desk), as of `today`.
    static func tally(unitID: UUID, today: CalendarDay, on database: any Database) async throws -> Tally {
        try await tallies(where: "f.unit_id = \(bind: unitID)", today: today, on: database, key: "f.unit_id")
            .values.first ?? Tally()
    }

    /// The tally of every finding of the government, as of `today` (the 督办 overview).
    static func tally(governmentID: UUID, today: CalendarDay, on database: any Database) async throws -> Tally {
        try await tallies(
            where: "r.government_id = \(bind: governmentID)", today: today, on: database, key: "r.government_id"
        ).values.first ?? Tally()
    }

    private static func tallies(
        where condition: SQLQueryString, today: CalendarDay, on database: any Database, key: String
    ) async throws -> [UUID: Tally] {
        let sql = try database.requireSQL()
        let open = FindingState.allCases.filter(\.awaitsUnit).map(\.rawValue)
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: key) AS owner, f.state AS state, \
            CASE WHEN f.due_on < \(bind: today.description) THEN 1 ELSE 0 END AS late, COUNT(*) AS n \
            FROM round_findings f JOIN supervision_rounds r ON r.id = f.round_id \
            WHERE \(condition) GROUP BY \(unsafeRaw: key), f.state, late
            """
        ).all()
        var result: [UUID: Tally] = [:]
        for row in rows {
            let owner = try row.decode(column: "owner", as: UUID.self)
            let state = FindingState(rawValue: try row.decode(column: "state", as: String.self)) ?? .open
            let late = try row.decode(column: "late", as: Int.self) == 1
            let count = try row.decode(column: "n", as: Int.self)
            var tally = result[owner] ?? Tally()
            tally.total += count
            if state.isOutstanding { tally.outstanding += count }
            if state == .closed { tally.closed += count }
            if state == .responded { tally.awaitingReview += count }
            if open.contains(state.rawValue), late { tally.overdue += count }
            result[owner] = tally
        }
        return result
    }

    /// Overdue 整改 per task and unit for the lights: only findings of the governments' rounds that the unit
    /// still owes past their deadline. These are few, so they are read by government and state rather than by
    /// the (possibly thousands of) task ids, and kept for the tasks asked about.
    static func backlogs(
        taskIDs: Set<UUID>, governmentIDs: Set<UUID>, today: CalendarDay, on database: any Database
    ) async throws -> [TaskUnitKey: RectificationBacklog] {
        guard !taskIDs.isEmpty, !governmentIDs.isEmpty else { return [:] }
        let rows = try await RoundFinding.query(on: database)
            .join(SupervisionRound.self, on: \RoundFinding.$round.$id == \SupervisionRound.$id)
            .filter(SupervisionRound.self, \.$government.$id ~~ governmentIDs)
            .filter(\.$state ~~ FindingState.allCases.filter(\.awaitsUnit))
            .filter(\.$dueOn < today.description).all()
        var deadlines: [TaskUnitKey: [RectificationDeadline]] = [:]
        for finding in rows where taskIDs.contains(finding.$task.id) {
            guard let deadline = finding.deadline else { continue }
            deadlines[TaskUnitKey(task: finding.$task.id, unit: finding.$unit.id), default: []].append(deadline)
        }
        return deadlines.compactMapValues { RectificationBacklog.of($0, on: today) }
    }

    /// One unit on one task.
    struct TaskUnitKey: Hashable, Sendable {
        var task: UUID
        var unit: UUID
    }

    /// The findings of a round, newest first, with their task and unit.
    static func findings(roundID: UUID, on database: any Database) async throws -> [RoundFinding] {
        try await RoundFinding.query(on: database).filter(\.$round.$id == roundID).with(\.$task).with(\.$unit)
            .sort(\.$createdAt, .descending).all()
    }

    /// A unit's findings not yet closed, the most urgent deadline first (its desk).
    static func outstanding(unitID: UUID, on database: any Database) async throws -> [RoundFinding] {
        try await RoundFinding.query(on: database).filter(\.$unit.$id == unitID).filter(\.$state != .closed)
            .with(\.$task).with(\.$round).sort(\.$dueOn).limit(50).all()
    }

    /// The finding with its round, task, unit and responses (each with its evidence), when it belongs to the
    /// government.
    static func finding(_ id: UUID, governmentID: UUID, on database: any Database) async throws -> RoundFinding? {
        guard
            let finding = try await RoundFinding.query(on: database).filter(\.$id == id).with(\.$round)
                .with(\.$task).with(\.$unit).with(\.$responses, { $0.with(\.$attachments) }).first(),
            finding.round.$government.id == governmentID
        else { return nil }
        return finding
    }
}
