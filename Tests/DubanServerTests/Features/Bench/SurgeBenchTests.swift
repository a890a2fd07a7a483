@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// `duban bench surge` works end to end on a few clerks (its timings are the benchmark's to report, never a
/// test's), and the ledger it ends with finds what a crash could leave behind.
@Suite("Surge benchmark")
struct SurgeBenchTests {
    @Test("A small surge files every clerk's report with its own bytes and removes its database")
    func smallSurge() async throws {
        // setup
        let storage = WebBenchSession.Storage.temporarySQLite()
        // A full suite's SQLite writes all take turns with the surge's: the clerks wait for their answer as long
        // as the suite takes, rather than the benchmark's two minutes.
        let settings = SurgeSession.Settings(
            clerks: 12, spread: 0.5, evidenceBytes: 32 * 1024, readers: 2, answerWithin: 1_200)
        // act
        let outcome = try await SurgeSession(settings: settings, storage: storage, report: { _ in }).run()
        // assert
        #expect(outcome.signIn.milliseconds.count == 12 && outcome.signIn.failures == 0)
        #expect(outcome.filing.milliseconds.count == 12, "\(outcome.filing.firstFailure ?? "")")
        #expect(
            outcome.reads.failures == 0 && !outcome.reads.milliseconds.isEmpty, "\(outcome.reads.firstFailure ?? "")")
        #expect(outcome.ledger.reports == 12 && outcome.ledger.problems == [])
        #expect(!outcome.leftDataBehind)
        #expect(!FileManager.default.fileExists(atPath: storage.temporaryFile ?? ""))
    }

    @Test(
        "The ledger names a lost filing, other bytes, a report without evidence and evidence without a report",
        arguments: TestDatabase.available)
    func ledgerFindsDamage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: two clerks' reports filed properly
            let targets = try await SurgeLoad(database: app.db).load(clerks: 3, today: app.clock.today())
            let period = try #require(ReportingPeriod(key: targets.period))
            var acknowledged: [FilingLedger.Filing] = []
            for (index, clerk) in targets.clerks.prefix(2).enumerated() {
                let bytes = SurgeFiler.evidence(seed: index, bytes: 2048)
                let narrative = "第\(index)份"
                _ = try await ReportFiling.submit(
                    .init(
                        period: period, status: .onSchedule, reason: "", narrative: narrative, actuals: [],
                        newFiles: [try EvidenceFile(fileName: "a.pdf", data: bytes)], keptAttachmentIDs: []),
                    taskID: clerk.taskID, unitID: clerk.unitID,
                    by: .init(userID: nil, actor: .system, now: Date(), today: app.clock.today()), on: app.db)
                acknowledged.append(.init(taskID: clerk.taskID, narrative: narrative, sha256: SurgeFiler.sha256(bytes)))
            }
            let clean = try await FilingLedger.check(
                acknowledged, planID: targets.planID, governmentID: targets.governmentID, on: app.db)
            #expect(clean.reports == 2 && clean.problems == [])
            // act: the damage a filing outside one transaction could leave
            acknowledged[1].sha256 = String(repeating: "0", count: 64)
            acknowledged.append(.init(taskID: targets.clerks[2].taskID, narrative: "未入库", sha256: ""))
            try await AttachmentBlob(sha256: "orphan", data: Data("x".utf8)).create(on: app.db)
            let second = try await ProgressReport.query(on: app.db).filter(\.$narrative == "第1份").with(\.$attachments)
                .first()
            try await second?.attachments.first?.delete(on: app.db)
            let damaged = try await FilingLedger.check(
                acknowledged, planID: targets.planID, governmentID: targets.governmentID, on: app.db)
            // assert
            #expect(damaged.problems.contains("acknowledged filing 未入库 is not in the database"))
            #expect(damaged.problems.contains { $0.hasSuffix("has no evidence") })
            #expect(damaged.problems.contains("2 evidence blobs belong to no report"))
            #expect(damaged.problems.count == 4, "\(damaged.problems)")
        }
    }

    @Test("DUBAN_DB_CONNECTIONS sizes the PostgreSQL pool per event loop; a wrong value stops start-up")
    func poolSetting() throws {
        #expect(try AppConfig.resolve(environment: [:]).postgresConnectionsPerLoop == 4)
        #expect(try AppConfig.resolve(environment: ["DUBAN_DB_CONNECTIONS": "16"]).postgresConnectionsPerLoop == 16)
        for wrong in ["0", "65", "many"] {
            #expect(throws: AppConfigError.self) { try AppConfig.resolve(environment: ["DUBAN_DB_CONNECTIONS": wrong]) }
        }
    }
}
