import DubanCore
import Vapor

/// The automatic reminders as a background job. Reminders are about days, so they are read from the stored facts
/// at most every `spacing` seconds however short the jobs' round is; each reminder fires once anyway (see
/// `ReminderEngine`).
enum ReminderJob {
    static let spacing: TimeInterval = 10 * 60

    /// Adds the job to the application's background rounds.
    static func register(on app: Application) {
        let rounds = ReminderRounds()
        app.reportingJobs.add("reminders", every: spacing) { context in
            let now = context.now
            let sent = try await ReminderEngine.run(
                now: now, today: CalendarDay(date: now, timeZone: AppClock.timeZone), on: context.database,
                rounds: rounds)
            if sent > 0 { context.app.logger.notice("reminders: \(sent) sent") }
        }
    }
}
