import Fluent
import Foundation
import Vapor

/// One run of `duban bench surge`: a fresh database with one task per clerk, the real application serving it
/// on a free loopback port in this process, every clerk signing in and filing a quarterly report with a 1 MB
/// evidence file — the starts spread over `spread` seconds — while the 督查室 reads its pages, then the database
/// checked against every acknowledged filing.
struct SurgeSession {
    struct Settings: Sendable {
        var clerks: Int
        /// Seconds over which the clerks' starts are spread evenly.
        var spread: Double
        var evidenceBytes: Int
        /// The office's readers reading at once while the clerks file.
        var readers: Int
        /// How long a clerk's browser waits for an answer. The tests raise it: there the surge shares the process
        /// (and SQLite's one-writer-at-a-time gate) with every other test running at once.
        var answerWithin: Int64 = 120
    }

    let settings: Settings
    let storage: WebBenchSession.Storage
    let report: @Sendable (String) -> Void

    /// What a run measured.
    struct Outcome: Sendable {
        var signIn: LatencySample
        var filing: LatencySample
        var reads: LatencySample
        /// From the first clerk's start to the last clerk's answer, in seconds.
        var elapsed: Double
        var ledger: FilingLedger.Findings
        /// The process's peak resident memory (server and clients together), in megabytes.
        var peakMegabytes: Int
        var leftDataBehind: Bool
    }

    func run() async throws -> Outcome {
        let app = try await Application.make(Environment(name: "production", arguments: ["duban"]))
        let measured: Result<Outcome, any Error>
        do {
            let targets = try await prepare(app)
            measured = .success(try await serveAndSurge(app, targets: targets))
        } catch {
            measured = .failure(error)
        }
        // wrk leaves requests queued when it stops: they are answered before the application goes.
        try? await app.drainAndShutdown(timeout: .seconds(120))
        storage.removeFile()
        return try measured.get()
    }

    private func prepare(_ app: Application) async throws -> SurgeLoad.Targets {
        try await configure(app, config: AppConfig(storage: storage.config, port: 0, logLevel: .warning))
        app.http.client.configuration.timeout = .init(
            connect: .seconds(10), read: .seconds(settings.answerWithin))
        app.http.client.configuration.redirectConfiguration = .disallow
        // Every clerk has a connection of its own, as every clerk has a browser.
        app.http.client.configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: settings.clerks + settings.readers)
        try await app.autoMigrate()
        guard try await Government.query(on: app.db).count() == 0 else { throw WebBenchError.databaseNotEmpty }
        let targets = try await SurgeLoad(database: app.db).load(clerks: settings.clerks, today: app.clock.today())
        report("Loaded \(settings.clerks) clerks, each with a task of its own, into \(storage.label).")
        return targets
    }

    /// One clerk's timings.
    private struct ClerkRun: Sendable {
        var signIn: Double?
        var filing: Double?
        var answer: SurgeFiler.Answer
        var acknowledged: FilingLedger.Filing?
        var finished: ContinuousClock.Instant
    }

    private func serveAndSurge(_ app: Application, targets: SurgeLoad.Targets) async throws -> Outcome {
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.listeningPort else { throw WebBenchError.noListeningPort }
        let base = "http://127.0.0.1:\(port)"
        report(
            "Serving on \(base); \(settings.clerks) clerks start over \(Int(settings.spread)) s and each file a "
                + "\(settings.evidenceBytes / 1024) KB evidence file while \(settings.readers) 督查室 readers read.")
        let office = try await SurgeFiler.signIn(
            client: app.client, base: base, username: SurgeLoad.adminUsername, password: SurgeLoad.password)
        let readPaths = [
            SiteURL.oversight.path, SiteURL.plan(targets.planID).path, SiteURL.reviewQueue.path,
            SiteURL.audit.path,
        ]
        let done = SurgeFlag()
        let started = ContinuousClock.now
        let readers = Task {
            await withTaskGroup(of: LatencySample.self) { group in
                for reader in 0..<settings.readers {
                    group.addTask { await Self.read(readPaths, as: office, offset: reader, until: done) }
                }
                var all = LatencySample(name: "督查室 pages during the surge")
                for await sample in group {
                    all.milliseconds += sample.milliseconds
                    all.failures += sample.failures
                    all.largestBody = max(all.largestBody, sample.largestBody)
                    if all.firstFailure == nil { all.firstFailure = sample.firstFailure }
                }
                return all
            }
        }
        let runs = await withTaskGroup(of: ClerkRun.self) { group in
            for (index, clerk) in targets.clerks.enumerated() {
                let offset = settings.spread * Double(index) / Double(max(1, settings.clerks))
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(Int(offset * 1000)))
                    return await fileOne(clerk, index: index, period: targets.period, client: app.client, base: base)
                }
            }
            var runs: [ClerkRun] = []
            for await run in group { runs.append(run) }
            return runs
        }
        await done.set()
        let reads = await readers.value
        let last = runs.map(\.finished).max() ?? started
        await app.server.shutdown()
        let ledger = try await FilingLedger.check(
            runs.compactMap(\.acknowledged), planID: targets.planID, governmentID: targets.governmentID, on: app.db)
        var signIn = LatencySample(name: "sign in (login page + form)")
        var filing = LatencySample(name: "file report (page + form + evidence)")
        for run in runs {
            if let time = run.signIn { signIn.milliseconds.append(time) } else { signIn.failures += 1 }
            if let time = run.filing, run.answer.isFiled {
                filing.milliseconds.append(time)
            } else if run.signIn != nil {
                filing.failures += 1
                if filing.firstFailure == nil { filing.firstFailure = "\(run.answer)" }
            }
        }
        return Outcome(
            signIn: signIn, filing: filing, reads: reads, elapsed: started.duration(to: last).inSeconds,
            ledger: ledger, peakMegabytes: PeakMemory.megabytes(), leftDataBehind: storage.isShared)
    }

    /// Signs one clerk in and files their report; the narrative names the clerk so the ledger can find it.
    private func fileOne(_ clerk: SurgeLoad.Clerk, index: Int, period: String, client: any Client, base: String) async
        -> ClerkRun
    {
        let signingIn = ContinuousClock.now
        guard
            let filer = try? await SurgeFiler.signIn(
                client: client, base: base, username: clerk.username, password: SurgeLoad.password)
        else { return ClerkRun(answer: .failed("sign-in failed"), finished: .now) }
        let signIn = signingIn.duration(to: .now).inMilliseconds
        let evidence = SurgeFiler.evidence(seed: index, bytes: settings.evidenceBytes)
        let narrative = "\(clerk.username)：本季度工作按计划推进，已完成阶段目标。"
        let filing = ContinuousClock.now
        let answer = await filer.fileReport(
            task: clerk.taskID, period: period, narrative: narrative, evidence: evidence, fileName: "佐证材料.pdf")
        let elapsed = filing.duration(to: .now).inMilliseconds
        let acknowledged =
            answer.isFiled
            ? FilingLedger.Filing(taskID: clerk.taskID, narrative: narrative, sha256: SurgeFiler.sha256(evidence)) : nil
        return ClerkRun(signIn: signIn, filing: elapsed, answer: answer, acknowledged: acknowledged, finished: .now)
    }

    /// One reader going round the office's pages until the surge is over.
    private static func read(_ paths: [String], as office: SurgeFiler, offset: Int, until done: SurgeFlag) async
        -> LatencySample
    {
        var sample = LatencySample(name: "reads")
        var index = offset
        while await !done.isSet {
            let path = paths[index % paths.count]
            index += 1
            let started = ContinuousClock.now
            switch await office.read(path) {
            case .success(let bytes):
                sample.milliseconds.append(started.duration(to: .now).inMilliseconds)
                sample.largestBody = max(sample.largestBody, bytes)
            case .failure(let failure):
                sample.failures += 1
                if sample.firstFailure == nil { sample.firstFailure = failure.description }
            }
        }
        return sample
    }

}

/// Set once when the clerks are done, so the readers stop.
actor SurgeFlag {
    private(set) var isSet = false
    func set() { isSet = true }
}
