@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// A district's directory meets names of other levels when a plan cascades: a city unit is never offered the
/// district's own, and the city's collective names take in none of the district's units.
@Suite("Unit levels in the wizard")
struct UnitLevelMatchTests {
    @Test("A city unit is not suggested the district's unit of the same trade", arguments: TestDatabase.available)
    func suggestionsKeepTheLevel(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let matcher = try await UnitMatcher.load(governmentID: sample.governmentID, on: app.db)
            let district = try await sample.unit("区发展和改革局", on: app.db).requireID()
            // act
            let city = matcher.match("市发展和改革局")
            let own = matcher.match("区发展改革局")
            // assert
            #expect(city == .unknown, "the city's bureau is another body: \(city)")
            guard case .suggested(let candidates) = own else {
                Issue.record("the district's own bureau, written short, is suggested: \(own)")
                return
            }
            #expect(candidates.first?.unitID == district)
        }
    }

    @Test(
        "A collective of the city takes in none of the district's units; the district's own takes them in",
        arguments: TestDatabase.available)
    func collectivesKeepTheLevel(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let text = """
                2026年青溪区安全生产重点工作责任分解方案
                1.压实安全生产责任。（牵头单位：区应急管理局；责任单位：市人民政府各部门，区人民政府各部门）
                """
            let document = try #require(PlanParser.parse(text: text).first)
            #expect(document.tasks.first?.roles.responsibleUnits.map(\.name) == ["市人民政府各部门", "区人民政府各部门"])
            // act
            _ = try await PlanImporter(database: app.db).importPlan(document, governmentID: sample.governmentID)
            // assert
            let city = try await sample.unit("市人民政府各部门", on: app.db)
            let district = try await sample.unit("区人民政府各部门", on: app.db)
            #expect(city.isCollective && district.isCollective)
            let members = { (group: DubanServer.Unit) in
                try await UnitMembership.query(on: app.db).filter(\.$group.$id == group.requireID()).count()
            }
            #expect(try await members(city) == 0)
            #expect(try await members(district) > 0)
        }
    }
}
