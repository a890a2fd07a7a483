import Fluent
import Foundation
import Vapor

/// One run of `duban bench web`: a fresh database with the synthetic plan, the real application serving it on a
/// free loopback port in this process, and timed requests to the plan page and search over that loopback.
/// The server always stops and a temporary database file is always deleted, whether the run succeeds or fails.
struct WebBenchSession {
    /// What to load and how many requests to send.
    struct Settings: Sendable {
        var requests: Int
        var warmup: Int
        var tasks: Int
        var units: Int
        /// A generated installation (`--scale`) instead of the one imported plan; `tasks` and `units` then do not
        /// apply.
        var scale: BenchScale? = nil
        /// Seconds of `wrk` per page after the timings (64 connections), or nil for none.
        var wrkSeconds: Int? = nil
    }

    let settings: Settings
    /// The database to use; `Storage.fromEnvironment()` in the command, a temporary file in tests.
    let storage: Storage
    /// Where progress lines go.
    let report: @Sendable (String) -> Void

    /// What a run measured, and where its data went.
    struct Outcome: Sendable {
        var samples: [LatencySample]
        /// The process's peak resident memory (server and client together), in megabytes.
        var peakMegabytes: Int
        /// wrk's runs, /healthz first, when asked for.
        var throughput: [WrkRun] = []
        /// True when the data stays in DATABASE_URL's database: a plan import writes audit entries, which are
        /// append-only, so its government cannot be removed again — that database is the benchmark's to drop.
        var leftDataBehind: Bool
    }

    /// Loads, serves, measures, and always stops the server and removes what it created.
    func run() async throws -> Outcome {
        let app = try await Application.make(Environment(name: "production", arguments: ["duban"]))
        var governmentID: UUID?
        let measured: Result<([LatencySample], [WrkRun]), any Error>
        do {
            let prepared = try await prepare(app)
            governmentID = prepared.governmentID
            measured = .success(try await serveAndMeasure(app, prepared: prepared))
        } catch {
            measured = .failure(error)
        }
        // wrk leaves requests queued when it stops: they are answered before the application goes.
        try? await app.drainAndShutdown(timeout: .seconds(120))
        storage.removeFile()
        let (samples, throughput) = try measured.get()
        return Outcome(
            samples: samples, peakMegabytes: PeakMemory.megabytes(), throughput: throughput,
            leftDataBehind: storage.isShared && governmentID != nil)
    }

    /// What the requests need: the pages to time as the 督查室 administrator, and as a clerk when there is one.
    struct Prepared: Sendable {
        var governmentID: UUID
        var endpoints: [WebBenchEndpoint]
        var clerk: (username: String, endpoints: [WebBenchEndpoint])?
    }

    /// Configures the application without a listening port yet, migrates, and loads the synthetic plan or scale.
    private func prepare(_ app: Application) async throws -> Prepared {
        var config = AppConfig(storage: storage.config, port: 0, logLevel: .warning)
        // Answers can say how many statements they ran, for the report's queries column; each page is counted once,
        // untimed, because counting slows a page (`QueryCountingMiddleware`).
        config.countQueries = true
        try await configure(app, config: config)
        // Generous: in the tests the run shares SQLite's one-writer gate with every other test (a sign-in writes).
        app.http.client.configuration.timeout = .init(connect: .seconds(5), read: .seconds(600))
        // A redirect (to the sign-in page, say) is a failure to report, not a page to time.
        app.http.client.configuration.redirectConfiguration = .disallow
        try await app.autoMigrate()
        guard try await Government.query(on: app.db).count() == 0 else { throw WebBenchError.databaseNotEmpty }
        let started = ContinuousClock.now
        let prepared: Prepared
        let summary: String
        if let scale = settings.scale {
            report("Loading the \(scale.name) scale: \(scale.governments) governments…")
            let targets = try await ScaleLoad(database: app.db, today: app.clock.today(), report: report).load(scale)
            prepared = Prepared(
                governmentID: targets.governmentID, endpoints: WebBenchEndpoints.scale(targets),
                clerk: (targets.clerkUsername, WebBenchEndpoints.clerk(targets)))
            summary =
                "Loaded \(scale.governments) governments: \(targets.tasks) tasks, \(targets.units) units, "
                + "\(targets.accounts) accounts, \(targets.reports) reports"
        } else {
            let targets = try await WebBenchLoad(database: app.db).load(tasks: settings.tasks, units: settings.units)
            prepared = Prepared(
                governmentID: targets.governmentID, endpoints: WebBenchEndpoints.all(targets), clerk: nil)
            summary = "Loaded \(targets.taskCount) tasks over \(settings.units) units"
        }
        report(
            "\(summary) into \(storage.label) in "
                + String(format: "%.1f s.", started.duration(to: .now).inSeconds))
        return prepared
    }

    /// Starts the server on a free loopback port, signs in, and times every endpoint in turn.
    private func serveAndMeasure(_ app: Application, prepared: Prepared) async throws -> ([LatencySample], [WrkRun]) {
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.listeningPort else { throw WebBenchError.noListeningPort }
        report(
            "Serving on http://127.0.0.1:\(port); \(settings.warmup) warm-up and \(settings.requests) timed "
                + "requests per endpoint, one at a time, signed in as a 督查室 administrator.")
        // The timings are of rendering: with the page cache on, every request after the first would be answered
        // from memory. wrk measures both.
        app.pageCache?.isEnabled = false
        var client = WebBenchClient(client: app.client, base: "http://127.0.0.1:\(port)")
        try await client.signIn(username: WebBenchLoad.username, password: WebBenchLoad.password)
        var samples: [LatencySample] = []
        for endpoint in prepared.endpoints {
            samples.append(
                await client.measure(
                    endpoint, warmup: settings.warmup, requests: settings.requests, counting: app.queryCounting))
            report(samples.last?.row ?? "")
        }
        if let clerk = prepared.clerk {
            var clerkClient = WebBenchClient(client: app.client, base: "http://127.0.0.1:\(port)")
            try await clerkClient.signIn(username: clerk.username, password: WebBenchLoad.password)
            for endpoint in clerk.endpoints {
                samples.append(
                    await clerkClient.measure(
                        endpoint, warmup: settings.warmup, requests: settings.requests, counting: app.queryCounting))
                report(samples.last?.row ?? "")
            }
        }
        let throughput = try await measureThroughput(
            app, base: "http://127.0.0.1:\(port)", cookie: client.sessionCookie, prepared: prepared)
        await app.server.shutdown()
        return (samples, throughput)
    }

    /// wrk at 64 connections on /healthz, then on signed-in pages: the plans list, the first of the endpoints
    /// timed, and the task page — each rendered every time (page cache off), then seen again (page cache on,
    /// when the configuration has one).
    private func measureThroughput(
        _ app: Application, base: String, cookie: HTTPCookies.Value?, prepared: Prepared
    ) async throws -> [WrkRun] {
        guard let seconds = settings.wrkSeconds else { return [] }
        guard let wrk = WrkRun.executable else {
            throw WebBenchError.stopped("--wrk needs the wrk command (Debian package wrk)")
        }
        let header = cookie.map { "\(AccountSettings.cookieName)=\($0.string)" }
        var paths = [SiteURL.plans.path]
        paths += prepared.endpoints.prefix(4).compactMap(\.paths.first).filter { $0 != SiteURL.plans.path }
        report("wrk: \(seconds) s per page at 64 connections: /healthz and \(paths.count) signed-in pages…")
        var runs = [try WrkRun.run(wrk: wrk, base: base, path: "/healthz", cookie: nil, seconds: seconds)]
        for path in paths {
            app.pageCache?.isEnabled = false
            runs.append(try WrkRun.run(wrk: wrk, base: base, path: path, cookie: header, seconds: seconds))
            guard let cache = app.pageCache else { continue }
            cache.isEnabled = true
            var seen = try WrkRun.run(wrk: wrk, base: base, path: path, cookie: header, seconds: seconds)
            seen.fromPageCache = true
            runs.append(seen)
        }
        app.pageCache?.isEnabled = false
        return runs
    }

    /// The database the run uses: DATABASE_URL when set (an empty database given to the benchmark, which
    /// keeps the data), else a temporary SQLite file that is deleted afterwards.
    struct Storage {
        var config: AppConfig.Storage
        var label: String
        var temporaryFile: String?

        var isShared: Bool { temporaryFile == nil }

        func removeFile() {
            guard let temporaryFile else { return }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporaryFile + suffix) }
        }
    }

}

extension WebBenchSession.Storage {
    /// DATABASE_URL when set, else a new temporary SQLite file.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return Self(config: .postgres(url: url), label: "PostgreSQL (DATABASE_URL)")
        }
        return temporarySQLite()
    }

    /// A new SQLite file in the temporary directory, deleted after the run.
    static func temporarySQLite() -> Self {
        let path = NSTemporaryDirectory() + "duban-bench-\(UUID().uuidString).sqlite"
        return Self(config: .sqliteFile(path: path), label: "a temporary SQLite file", temporaryFile: path)
    }
}
