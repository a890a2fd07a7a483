import Foundation
import SQLKit

/// A plan's row in `duty_state_marks`: the day its stored lights hold and the generation of what its scores
/// read. Both the lights (`DutyStates`) and the scores (`ScoreInputs`) write it inside the transaction that
/// changes the plan, so it is also the row writers of one plan take turns on.
enum DutyStateMarks {
    /// Creates the plan's row if it has none (stale, generation 0); an existing row is left as it is.
    static func ensure(_ planID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO duty_state_marks (plan_id, as_of, score_generation) VALUES (\(bind: planID), '', 0) \
            ON CONFLICT (plan_id) DO NOTHING
            """
        ).run()
    }
}
