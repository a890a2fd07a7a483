@testable import DubanServer
import Fluent
import SQLKit
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

/// The background loop and its job list: webhook delivery by default, added jobs before it, failures logged
/// and survived, nothing started in tests unless asked, stopped at shutdown.
@Suite("Reporting jobs (webhook delivery loop)")
struct ReportingJobsTests {
    /// A job's deliberate failure.
    struct Flaky: Error {}

    @Test(
        "Added jobs run before webhook delivery, so what they post goes out in the same round",
        arguments: TestDatabase.available)
    func addedJobsRunFirst(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await WebhookWorld.create(on: app)
            let sender = ScriptedSender()
            app.webhookSender = sender
            app.reportingJobs.add("test-reminder") { context in
                try await Notifier.post(
                    .dueSoon, governmentID: world.governmentID, unitID: world.unitID, title: "三天后到期", body: "",
                    link: "/", sender: "系统", dedupeKey: "due-soon-1", at: context.now, on: context.database)
            }
            // act
            await ReportingJobs.runOnce(app: app)
            await ReportingJobs.runOnce(app: app)
            // assert
            #expect(
                app.reportingJobs.all.map(\.name) == [
                    "lights", "reminders", "sessions", "import-drafts", "test-reminder", "webhooks",
                ])
            #expect(Set(sender.posts.map(\.url)) == [world.unitHook.url, world.officeHook.url])
            #expect(sender.posts.count == 2)
        }
    }

    @Test("The loop runs round after round, survives a failing job, and stops at shutdown")
    func loopSurvivesAndStops() async throws {
        try await withTestApp(.sqlite) { app in
            // setup: the failure is logged as an error; keep the test output clean
            app.logger.logLevel = .critical
            let runs = NIOLockedValueBox(0)
            app.webhookSender = ScriptedSender()
            app.reportingJobs.add("flaky") { _ in
                let count = runs.withLockedValue { runs in
                    runs += 1
                    return runs
                }
                if count == 1 { throw Flaky() }
            }
            let loop = ReportingJobs.Loop(interval: 0.01, runsInTesting: true)
            // act
            try loop.didBoot(app)
            let deadline = ContinuousClock.now + .seconds(10)
            while runs.withLockedValue({ $0 }) < 3, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            await loop.shutdownAsync(app)
            let atShutdown = runs.withLockedValue { $0 }
            try await Task.sleep(for: .milliseconds(50))
            // assert
            #expect(atShutdown >= 3)
            #expect(runs.withLockedValue { $0 } == atShutdown)
        }
    }

    @Test("Booting a test app starts no loop")
    func noLoopInTests() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let runs = NIOLockedValueBox(0)
            app.reportingJobs.add("count") { _ in runs.withLockedValue { $0 += 1 } }
            let loop = ReportingJobs.Loop(interval: 0.01)
            // act
            try loop.didBoot(app)
            try await Task.sleep(for: .milliseconds(50))
            await loop.shutdownAsync(app)
            // assert
            #expect(runs.withLockedValue { $0 } == 0)
        }
    }

    @Test("DUBAN_JOBS_INTERVAL sets the seconds between rounds; a wrong value stops start-up")
    func intervalSetting() throws {
        #expect(try AppConfig.resolve(environment: [:]).jobsInterval == 60)
        #expect(try AppConfig.resolve(environment: ["DUBAN_JOBS_INTERVAL": "15"]).jobsInterval == 15)
        #expect(throws: AppConfigError.self) { try AppConfig.resolve(environment: ["DUBAN_JOBS_INTERVAL": "0"]) }
        #expect(throws: AppConfigError.self) { try AppConfig.resolve(environment: ["DUBAN_JOBS_INTERVAL": "1m"]) }
    }

    @Test("On an SQLite file the jobs read through connections of their own, so a long job holds up no request")
    func jobsOwnConnections() async throws {
        try await withScratchStorage(.sqlite) { storage in
            try await withTestApp(storage: storage) { app in
                // setup: one event loop's connections, the jobs' and the requests'
                let loop = app.eventLoopGroup.any()
                let jobs = try #require(app.databases.database(.sqliteJobs, logger: app.logger, on: loop))
                let requests = try #require(app.databases.database(.sqlite, logger: app.logger, on: loop))
                // assert: the jobs' connections wait for the write lock like the requests' do
                let timeout = try await jobs.requireSQL().raw("PRAGMA busy_timeout").first()?
                    .decode(column: "timeout", as: Int.self)
                #expect(timeout == SQLiteTuning.busyTimeoutMilliseconds)
                // act: a job holds its connection, as a long read does, while a request on the same loop reads
                let (released, release) = AsyncStream<Void>.makeStream()
                let (held, holding) = AsyncStream<Void>.makeStream()
                let job = Task {
                    try await jobs.withConnection { _ in
                        holding.yield()
                        for await _ in released { break }
                    }
                }
                for await _ in held { break }
                let answered = await withTaskGroup(of: Bool.self) { group in
                    group.addTask { (try? await User.query(on: requests).count()) != nil }
                    group.addTask {
                        try? await Task.sleep(for: .seconds(5))
                        return false
                    }
                    let first = await group.next() ?? false
                    release.finish()
                    group.cancelAll()
                    return first
                }
                try await job.value
                // assert: the request was answered while the job still held its connection
                #expect(answered, "a request waited for the connection a job held")
                #expect(app.jobsDatabase is any SQLDatabase)
            }
        }
    }
}
