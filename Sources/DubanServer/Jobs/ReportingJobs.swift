import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The reporting cycle's background work: jobs that run every few seconds while the application is served —
/// sending queued webhook deliveries by default, and whatever else is added (reminders). Every job is given
/// a `Context`: the application, the database jobs use, and the time of `app.clock`, so tests run a round at any
/// moment with `runOnce(app:)`.
enum ReportingJobs {
    /// What a job works with.
    struct Context: Sendable {
        let app: Application
        /// The database a job reads and writes: `app.jobsDatabase`, connections of their own on an SQLite file.
        /// Handed to every job rather than looked up by each, so that no job can hold a request's connection
        /// through a long read.
        let database: any Database
        /// The round's time.
        let now: Date
    }

    /// One piece of background work. It must be safe to run on several server processes at once.
    struct Job: Sendable {
        /// For the log.
        var name: String
        var run: @Sendable (Context) async throws -> Void
    }

    /// The jobs of an application, in the order a round runs them.
    struct Registry: Sendable {
        private var added: [Job] = []

        /// Sends queued webhook deliveries. Registered by default and always run last, so a notification that
        /// an added job posts goes out in the same round.
        static let webhookDelivery = Job(name: "webhooks") { context in
            try await deliverWebhooks(context)
        }

        /// Every job: those added, in order, then webhook delivery.
        var all: [Job] { added + [Self.webhookDelivery] }

        /// Adds a job; call it while configuring, before the application boots.
        mutating func add(_ name: String, _ run: @escaping @Sendable (Context) async throws -> Void) {
            added.append(Job(name: name, run: run))
        }

        /// Adds a job that runs at most every `spacing` seconds however short the rounds are (and again at once
        /// if the clock goes back): work about days need not run every few seconds.
        mutating func add(
            _ name: String, every spacing: TimeInterval,
            _ run: @escaping @Sendable (Context) async throws -> Void
        ) {
            let last = NIOLockedValueBox<Date?>(nil)
            add(name) { context in
                let now = context.now
                let due = last.withLockedValue { previous -> Bool in
                    guard previous.map({ now.timeIntervalSince($0) >= spacing || now < $0 }) ?? true else {
                        return false
                    }
                    previous = now
                    return true
                }
                if due { try await run(context) }
            }
        }
    }

    /// Runs every registered job once. A failing job is logged and the next one still runs: one broken
    /// webhook address or reminder must not stop the others.
    static func runOnce(app: Application) async {
        for job in app.reportingJobs.all {
            guard !Task.isCancelled else { return }
            do {
                try await job.run(Context(app: app, database: app.jobsDatabase, now: app.clock.now()))
            } catch is CancellationError {
                return
            } catch {
                app.logger.error("reporting job \(job.name) failed: \(String(reflecting: error))")
            }
        }
    }

    /// The default job: one dispatcher round with the application's sender, logged when it did anything.
    static func deliverWebhooks(_ context: Context) async throws {
        let app = context.app
        let round = try await WebhookDispatcher.deliverDue(
            now: context.now, sender: app.webhookSender, linkBase: app.publicURL, on: context.database)
        if !round.isEmpty { app.logger.info("webhooks: \(round)") }
    }

    /// Runs a round every `interval` seconds from the moment the served application boots until it shuts
    /// down. Tests boot the application too (to send it requests) but never start the loop — they call
    /// `runOnce` — and one-off commands (`duban migrate`, `duban user …`) never boot it at all.
    final class Loop: LifecycleHandler {
        let interval: TimeInterval
        /// Lets a test watch the loop itself.
        let runsInTesting: Bool
        private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

        init(interval: TimeInterval, runsInTesting: Bool = false) {
            self.interval = interval
            self.runsInTesting = runsInTesting
        }

        func didBoot(_ application: Application) throws {
            guard runsInTesting || application.environment != .testing else { return }
            let interval = interval
            task.withLockedValue { running in
                guard running == nil else { return }
                running = Task { await Self.loop(application, every: interval) }
            }
        }

        func shutdown(_ application: Application) {
            task.withLockedValue { running in
                running?.cancel()
                running = nil
            }
        }

        /// Cancels the loop and waits for the round in progress to stop, before the databases close.
        func shutdownAsync(_ application: Application) async {
            let running = task.withLockedValue { running in
                defer { running = nil }
                return running
            }
            running?.cancel()
            await running?.value
        }

        private static func loop(_ app: Application, every interval: TimeInterval) async {
            while !Task.isCancelled {
                await ReportingJobs.runOnce(app: app)
                do {
                    try await Task.sleep(for: .seconds(interval))
                } catch {
                    return
                }
            }
        }
    }
}

extension Application {
    private struct PublicURLKey: StorageKey {
        typealias Value = String
    }

    /// The site's public address (`AppConfig.publicURL`), for full links in webhook messages.
    var publicURL: String? {
        get { storage[PublicURLKey.self] }
        set { storage[PublicURLKey.self] = newValue }
    }

    private struct ReportingJobsKey: StorageKey {
        typealias Value = ReportingJobs.Registry
    }

    /// The background jobs; webhook delivery alone until others are added.
    var reportingJobs: ReportingJobs.Registry {
        get { storage[ReportingJobsKey.self] ?? ReportingJobs.Registry() }
        set { storage[ReportingJobsKey.self] = newValue }
    }
}
