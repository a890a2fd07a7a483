import DubanCore
import NIOConcurrencyHelpers
import Vapor

/// The automatic reminders as a background job. Reminders are about days, so the board of every task is worked
/// out at most every `spacing` seconds however short the jobs' round is; each reminder fires once anyway (see
/// `ReminderEngine`).
enum ReminderJob {
    static let spacing: TimeInterval = 10 * 60

    /// Adds the job to the application's background rounds.
    static func register(on app: Application) {
        let last = NIOLockedValueBox<Date?>(nil)
        app.reportingJobs.add("reminders") { app, now in
            let due = last.withLockedValue { previous -> Bool in
                guard previous.map({ now.timeIntervalSince($0) >= spacing || now < $0 }) ?? true else { return false }
                previous = now
                return true
            }
            guard due else { return }
            let sent = try await ReminderEngine.run(
                now: now, today: CalendarDay(date: now, timeZone: AppClock.timeZone), on: app.db)
            if sent > 0 { app.logger.notice("reminders: \(sent) sent") }
        }
    }
}
