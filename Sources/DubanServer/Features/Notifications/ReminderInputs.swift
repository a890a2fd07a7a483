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

    /// The inputs of the reminders of a government's plans in force (`planIDs`) as committed now.
    static func read(planIDs: [UUID], today: CalendarDay, on database: any Database) async throws -> Self {
        var generations: [UUID: Int] = [:]
        if !planIDs.isEmpty {
            for row in try await database.requireSQL().raw(
                "SELECT plan_id, score_generation FROM duty_state_marks WHERE plan_id IN (\(binds: planIDs))"
            ).all() {
                generations[try row.decode(column: "plan_id", as: UUID.self)] = try row.decode(
                    column: "score_generation", as: Int.self)
            }
        }
        let plans = planIDs.sorted { $0.uuidString < $1.uuidString }.map { id in
            "\(id.uuidString):\(generations[id].map(String.init) ?? "-")"
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
        var governmentsRead = 0
    }

    private let state = NIOLockedValueBox(State())

    /// Governments whose reminders were read since start: for the tests.
    var governmentsRead: Int { state.withLockedValue { $0.governmentsRead } }

    /// True unless the government's reminders were worked out from exactly these inputs.
    func needsWork(_ governmentID: UUID, _ inputs: ReminderInputs) -> Bool {
        state.withLockedValue { $0.last[governmentID] != inputs }
    }

    /// The government's reminders were worked out from `inputs` and sent.
    func done(_ governmentID: UUID, _ inputs: ReminderInputs) {
        state.withLockedValue {
            $0.last[governmentID] = inputs
            $0.governmentsRead += 1
        }
    }
}
