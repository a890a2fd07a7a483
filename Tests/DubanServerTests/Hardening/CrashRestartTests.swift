@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The server killed with SIGKILL while clerks file reports with evidence and the 督查室 reviews them, then
/// started again on the same database. Whatever the server answered with success is there, with its own bytes;
/// nothing is there in part; the database checks clean; every filing and review has its audit entry; and the
/// restarted server takes a filing from a session signed in before the crash.
@Suite("Crash and restart", .serialized)
struct CrashRestartTests {
    static let clerks = 8
    /// Small enough to keep a debug build quick, large enough that a filing is several writes of bytes.
    static let evidenceBytes = 96 * 1024

    /// What the clients were told, kept as they hear it.
    actor Acknowledged {
        var filings: [FilingLedger.Filing] = []
        var reviews: [UUID] = []
        var inFlight = 0
        var stopped = false

        func filed(_ filing: FilingLedger.Filing) { filings.append(filing) }
        func reviewed(_ report: UUID) { reviews.append(report) }
        func begin() { inFlight += 1 }
        func end() { inFlight -= 1 }
        func stop() { stopped = true }
    }

    @Test(
        "SIGKILL mid-filing loses no acknowledged report, leaves nothing half-written, and the server restarts",
        .enabled(if: ServerProcess.binary != nil, "needs the duban executable beside the tests (swift build)"),
        arguments: TestDatabase.available)
    func killedMidFiling(database: TestDatabase) async throws {
        let binary = try #require(ServerProcess.binary)
        try await withScratchStorage(database) { storage in
            try await withTestApp(storage: storage) { app in
                // setup: a plan with a task per clerk; the server as a separate process
                app.http.client.configuration.redirectConfiguration = .disallow
                app.http.client.configuration.timeout = .init(connect: .seconds(5), read: .seconds(60))
                let targets = try await SurgeLoad(database: app.db).load(clerks: Self.clerks, today: app.clock.today())
                let first = try ServerProcess(storage: storage, binary: binary)
                try await first.waitUntilServing(client: app.client)
                var filers: [SurgeFiler] = []
                for clerk in targets.clerks {
                    filers.append(
                        try await SurgeFiler.signIn(
                            client: app.client, base: first.base, username: clerk.username,
                            password: SurgeLoad.password))
                }
                let office = try await SurgeFiler.signIn(
                    client: app.client, base: first.base, username: SurgeLoad.adminUsername,
                    password: SurgeLoad.password)
                // act: clerks file version after version and the office returns reports, until SIGKILL
                let heard = Acknowledged()
                let signedIn = filers
                let database = app.db
                let work = Task {
                    await withTaskGroup(of: Void.self) { group in
                        for (index, clerk) in targets.clerks.enumerated() {
                            group.addTask {
                                await Self.keepFiling(signedIn[index], clerk: clerk, index: index, targets, heard)
                            }
                        }
                        group.addTask { await Self.keepReviewing(office, targets, on: database, heard) }
                    }
                }
                try await Self.waitForWork(heard)
                let inFlightAtKill = await heard.inFlight
                first.kill9()
                await heard.stop()
                await work.value
                // the same database, a new process; a session from before the crash still files
                let second = try ServerProcess(storage: storage, binary: binary)
                try await second.waitUntilServing(client: app.client)
                let clerk = targets.clerks[0]
                let again = SurgeFiler(client: app.client, base: second.base, cookie: filers[0].cookie)
                let evidence = SurgeFiler.evidence(seed: 9_999, bytes: Self.evidenceBytes)
                let narrative = "\(clerk.username) 重启后补报"
                let answer = await again.fileReport(
                    task: clerk.taskID, period: targets.period, narrative: narrative, evidence: evidence,
                    fileName: "重启后.pdf")
                second.interrupt()
                #expect(answer.isFiled, "\(answer)")
                if answer.isFiled {
                    await heard.filed(
                        .init(taskID: clerk.taskID, narrative: narrative, sha256: SurgeFiler.sha256(evidence)))
                }
                // assert
                let filings = await heard.filings
                let reviews = await heard.reviews
                let findings = try await FilingLedger.check(
                    filings, reviewed: reviews, planID: targets.planID, governmentID: targets.governmentID,
                    on: app.db)
                #expect(findings.problems == [])
                #expect(filings.count > Self.clerks && !reviews.isEmpty)
                #expect(findings.reports >= filings.count)
                try await Self.expectCleanDatabase(app.db, storage: storage)
            }
        }
    }

    /// Waits until the clients have been answered a good number of times and a filing is in flight, so the kill
    /// lands in the middle of one.
    private static func waitForWork(_ heard: Acknowledged) async throws {
        for _ in 0..<2_400 {
            let (filings, reviews, inFlight) = (
                await heard.filings.count, await heard.reviews.count, await heard.inFlight
            )
            if filings >= 3 * clerks, reviews >= 2, inFlight > 0 { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("the clients were not answered often enough to kill the server mid-filing")
    }

    /// One clerk filing new versions of its report until the server stops answering.
    private static func keepFiling(
        _ filer: SurgeFiler, clerk: SurgeLoad.Clerk, index: Int, _ targets: SurgeLoad.Targets, _ heard: Acknowledged
    ) async {
        var version = 0
        while await !heard.stopped {
            version += 1
            let evidence = SurgeFiler.evidence(seed: index * 1_000 + version, bytes: evidenceBytes)
            let narrative = "\(clerk.username) 第\(version)次报送"
            await heard.begin()
            let answer = await filer.fileReport(
                task: clerk.taskID, period: targets.period, narrative: narrative, evidence: evidence,
                fileName: "佐证\(version).pdf")
            await heard.end()
            if answer.isFiled {
                await heard.filed(
                    .init(taskID: clerk.taskID, narrative: narrative, sha256: SurgeFiler.sha256(evidence)))
            } else if case .failed = answer {
                return
            }
        }
    }

    /// The office returning the newest submitted report, again and again, until the server stops answering.
    private static func keepReviewing(
        _ office: SurgeFiler, _ targets: SurgeLoad.Targets, on database: any Database, _ heard: Acknowledged
    ) async {
        while await !heard.stopped {
            guard
                let report = try? await ProgressReport.query(on: database)
                    .filter(\.$state == .submitted).sort(\.$submittedAt, .descending).first(),
                let reportID = report.id
            else {
                try? await Task.sleep(for: .milliseconds(20))
                continue
            }
            let answer = await office.review(
                report: reportID, task: report.$task.id, accept: false, comment: "请补充量化进度。")
            if answer.isFiled {
                await heard.reviewed(reportID)
            } else if case .failed = answer {
                return
            }
        }
    }

    /// SQLite's own check of every page and index; on PostgreSQL, no transaction left prepared and every table
    /// read through.
    private static func expectCleanDatabase(_ database: any Database, storage: AppConfig.Storage) async throws {
        let sql = try #require(database as? any SQLDatabase)
        if storage.isSQLite {
            let rows = try await sql.raw("PRAGMA integrity_check").all()
            let verdicts = try rows.map { try $0.decode(column: "integrity_check", as: String.self) }
            #expect(verdicts == ["ok"])
        } else {
            let prepared = try await sql.raw("SELECT count(*) AS n FROM pg_prepared_xacts").first()
            #expect(try prepared?.decode(column: "n", as: Int.self) == 0)
            let tables = try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").all()
            #expect(tables.count > 20)
            for table in tables {
                let name = try table.decode(column: "tablename", as: String.self)
                _ = try await sql.raw("SELECT count(*) FROM \(ident: name)").first()
            }
        }
    }
}
