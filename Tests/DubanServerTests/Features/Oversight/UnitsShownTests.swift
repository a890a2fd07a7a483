@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// The units tables of the 督办 overview and a leader's board list the worst 30, whatever the number of units
/// behind: the page is bounded by what it shows.
@Suite("Units shown")
struct UnitsShownTests {
    /// 2026-04-25: the synthetic plan's first quarter was due 4月20日, so every duty is overdue.
    static let april25 = Date(timeIntervalSince1970: 1_777_075_200)

    @Test(
        "With 40 units behind, the overview and a leader's board list 30 and say how many are behind",
        arguments: TestDatabase.available)
    func thirtyOfForty(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: a plan of 480 tasks over 40 units, all overdue
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(Self.april25))
            var document = SyntheticPlan.document(tasks: 480, units: 40)
            // one leader leads every task, so their board spans all 40 units
            for index in document.tasks.indices { document.tasks[index].roles.leaders = ["周振华"] }
            let plan = try await PlanImporter(database: app.db).importPlan(document, governmentID: sample.governmentID)
            let planID = try plan.requireID().uuidString.lowercased()
            // act
            let overview = try await app.page(SiteURL.oversightWith([("plan", planID)]).path)
            // assert
            #expect(overview.status == .ok)
            let table = try #require(Self.section(overview.html, after: "<h2>需要关注的单位</h2>"))
            #expect(table.components(separatedBy: "<tr><td>").count - 1 == OversightQuery.unitsShown)
            #expect(table.contains("共 40 个单位有红灯或黄灯，这里列出最需要关注的 30 个"))
            #expect(table.contains("href=\"\(SiteURL.units.path)\""))

            // act
            let leader = try #require(try await Leader.query(on: app.db).filter(\.$name == "周振华").first())
            let board = try await app.page(SiteURL.leader(try leader.requireID()).path)
            // assert
            let behind = try #require(Self.section(board.html, after: "<h2>进度滞后的单位</h2>"))
            #expect(behind.components(separatedBy: "<tr><td>").count - 1 == OversightQuery.unitsShown)
            #expect(behind.contains("共 40 个单位有红灯或黄灯，这里列出最需要关注的 30 个"))
        }
    }

    /// The HTML from `heading` to the end of its section.
    static func section(_ html: String, after heading: String) -> String? {
        guard let start = html.range(of: heading) else { return nil }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }
}
