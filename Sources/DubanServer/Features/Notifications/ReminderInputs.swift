import DubanCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// What a government's reminders are worked out from, as one value to compare: the day, and each plan in force
/// with its generation (`ScoreInputs`), which every writer of a plan's reports, reviews, work plans, rules, tasks
/// or units counts up in its own transaction.
struct ReminderInputs: Equatable, Sendable {
    var today: CalendarDay
    /// Each plan in force as "id:generation", in id order; "-" for a plan no writer has touched yet.
    var plans: [String]

    /// The inputs of `governmentID`'s reminders as committed now.
    static func read(governmentID: UUID, today: CalendarDay, on database: any Database) async throws -> Self {
        let rows = try await database.requireSQL().raw(
            """
            SELECT p.id, m.score_generation FROM plans p LEFT JOIN duty_state_marks m ON m.plan_id = p.id \
            WHERE p.government_id = \(bind: governmentID) AND p.withdrawn_at IS NULL ORDER BY p.id
            """
        ).all()
        let plans = try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let generation = try row.decode(column: "score_generation", as: Int?.self)
            return "\(id.uuidString):\(generation.map(String.init) ?? "-")"
        }
        return Self(today: today, plans: plans)
    }
}

/// The inputs each government's reminders were last worked out from in this process, so the background job reads
/// them again only when something they depend on has changed or the day has turned: a round then costs one query
/// per government instead of reading its stored facts and offering the database every reminder already sent.
final class ReminderRounds: Sendable {
    private struct State {
        var last: [UUID: ReminderInputs] = [:]
        var boardsWorkedOut = 0
    }

    private let state = NIOLockedValueBox(State())

    /// Boards worked out since start: for the tests.
    var boardsWorkedOut: Int { state.withLockedValue { $0.boardsWorkedOut } }

    /// True unless the government's reminders were worked out from exactly these inputs.
    func needsWork(_ governmentID: UUID, _ inputs: ReminderInputs) -> Bool {
        state.withLockedValue { $0.last[governmentID] != inputs }
    }

    /// The government's reminders were worked out from `inputs` and sent.
    func done(_ governmentID: UUID, _ inputs: ReminderInputs) {
        state.withLockedValue {
            $0.last[governmentID] = inputs
            $0.boardsWorkedOut += 1
        }
    }
}
