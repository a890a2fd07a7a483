import DubanCore
import Fluent
import Vapor

/// Keeps every plan's stored lights current in the background: after midnight a due day may have passed, and a
/// plan marked stale by a change waits for its next reader otherwise. A round costs one query when all are
/// current, so it runs every few minutes.
enum DutyStateJob {
    static let spacing: TimeInterval = 5 * 60

    /// Adds the job to the application's background rounds.
    static func register(on app: Application) {
        app.reportingJobs.add("lights", every: spacing) { context in
            try await run(today: CalendarDay(date: context.now, timeZone: AppClock.timeZone), on: context.database)
        }
    }

    /// Makes every plan in force current as of `today`.
    static func run(today: CalendarDay, on database: any Database) async throws {
        let planIDs = try await Plan.query(on: database).filter(\.$withdrawnAt == nil).all(\.$id)
        try await DutyStates.current(planIDs: planIDs, today: today, on: database)
    }
}
