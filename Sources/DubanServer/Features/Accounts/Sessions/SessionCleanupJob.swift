import Vapor

/// Removes expired sessions in the background rounds, so the table holds only sign-ins that still work.
enum SessionCleanupJob {
    /// Adds the job to the application's background rounds. Time is the account clock's, as the session
    /// driver's is.
    static func register(on app: Application) {
        app.reportingJobs.add("sessions") { context in
            try await DatabaseSessions.removeExpired(now: context.app.accounts.clock.now, on: context.database)
        }
    }
}
