@testable import DubanServer
import Foundation
import Testing
import Vapor

/// `duban bench web` works end to end on a small plan (its timings are not checked: speed is measured by the
/// benchmark itself, never by tests), and its statistics are right.
@Suite("Web benchmark")
struct WebBenchTests {
    @Test("A small run serves every endpoint without failures and removes its database")
    func smallRun() async throws {
        // setup
        let storage = WebBenchSession.Storage.temporarySQLite()
        let settings = WebBenchSession.Settings(requests: 3, warmup: 1, tasks: 80, units: 25)
        // act
        let outcome = try await WebBenchSession(settings: settings, storage: storage, report: { _ in }).run()
        let samples = outcome.samples
        // assert
        #expect(!outcome.leftDataBehind)
        #expect(samples.count == 7)
        for sample in samples {
            #expect(sample.requests == 3)
            #expect(sample.failures == 0, "\(sample.name): \(sample.firstFailure ?? "")")
        }
        #expect(!FileManager.default.fileExists(atPath: storage.temporaryFile ?? ""))
    }

    @Test(
        "A generated installation loads its tree and a year of reports, and every page it times answers",
        arguments: TestDatabase.available)
    func smallScale(database: TestDatabase) async throws {
        try await withScratchStorage(database) { scratch in
            try await Self.smallScale(
                on: database == .sqlite
                    ? .temporarySQLite() : WebBenchSession.Storage(config: scratch, label: "PostgreSQL"))
        }
    }

    static func smallScale(on storage: WebBenchSession.Storage) async throws {
        // setup: a province with one city of two districts, 60 tasks each
        var settings = WebBenchSession.Settings(requests: 2, warmup: 0, tasks: 0, units: 0)
        settings.scale = BenchScale(
            name: "tiny", cities: 1, districtsPerCity: 2, tasksPerGovernment: 60, unitsPerGovernment: 20,
            clerksPerUnit: 2)
        // act
        let outcome = try await WebBenchSession(settings: settings, storage: storage, report: { _ in }).run()
        // assert
        #expect(outcome.samples.count == WebBenchEndpoints.scale(placeholder).count + 3)
        for sample in outcome.samples {
            #expect(sample.failures == 0, "\(sample.name): \(sample.firstFailure ?? "")")
            #expect((sample.mostQueries ?? 0) > 0, "\(sample.name) did not say how many statements it ran")
        }
        #expect(!FileManager.default.fileExists(atPath: storage.temporaryFile ?? ""))
    }

    static let placeholder = ScaleLoad.Targets(
        governmentID: UUID(), planID: UUID(), unitID: UUID(), taskID: UUID(), leaderID: UUID(), tasks: 0, units: 0,
        accounts: 0, reports: 0, clerkUsername: "")

    @Test("A 404 or a redirect is counted as a failure, not timed, and does not stop the run")
    func missingPageIsAFailure() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            app.http.client.configuration.redirectConfiguration = .disallow
            app.get("moved") { request in request.redirect(to: "/healthz") }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.listeningPort)
            let client = WebBenchClient(client: app.client, base: "http://127.0.0.1:\(port)")
            // act
            let missing = await client.measure(
                WebBenchEndpoint(name: "missing", paths: ["/no-such-page"]), warmup: 1, requests: 4, counting: nil)
            let moved = await client.measure(
                WebBenchEndpoint(name: "moved", paths: ["/moved"]), warmup: 0, requests: 2, counting: nil)
            await app.server.shutdown()
            // assert
            #expect(missing.requests == 4)
            #expect(missing.failures == 4)
            #expect(missing.milliseconds.isEmpty)
            #expect(missing.firstFailure == "/no-such-page: HTTP 404")
            #expect(moved.failures == 2)
            #expect(moved.firstFailure?.hasPrefix("/moved: HTTP 30") == true)
        }
    }

    @Test("The synthetic plan has the asked number of tasks and units")
    func syntheticPlan() {
        let document = SyntheticPlan.document(tasks: 5_000, units: 300)
        #expect(document.tasks.count == 5_000)
        #expect(Set(document.tasks.map(\.key)).count == 5_000)
        #expect(Set(document.tasks.flatMap { $0.roles.allUnits.map(\.name) }).count <= 300)
        #expect(SyntheticPlan.unitNames(count: 300).count == 300)
        #expect(Set(SyntheticPlan.unitNames(count: 300)).count == 300)
    }

    @Test("Percentiles use the nearest rank; failures are counted, not timed")
    func percentiles() {
        var sample = LatencySample(name: "page")
        sample.milliseconds = (1...100).map(Double.init)
        sample.failures = 2
        #expect(sample.percentile(0.5) == 50)
        #expect(sample.percentile(0.99) == 99)
        #expect(sample.requests == 102)
        #expect(LatencySample(name: "none").percentile(0.5) == nil)
    }

    @Test("wrk's report gives the rate, and answers that failed or timed out count as failures")
    func wrkReport() throws {
        let text = """
            Running 3s test @ http://127.0.0.1:8080/plans
              2 threads and 64 connections
              5400 requests in 3.00s, 1.00MB read
              Socket errors: connect 0, read 2, write 0, timeout 64
              Non-2xx or 3xx responses: 12
            Requests/sec:   1800.50
            Transfer/sec:    300.00KB
            """
        let run = try WrkRun.parse(text, path: "/plans")
        #expect(run.requestsPerSecond == 1800.5 && run.failures == 78)
        #expect(throws: WebBenchError.self) { try WrkRun.parse("unable to connect", path: "/plans") }
    }
}
