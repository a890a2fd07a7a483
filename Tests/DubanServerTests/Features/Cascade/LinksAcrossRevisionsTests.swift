@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// Links between levels are kept by task, and revisions keep tasks: a revised district plan keeps its confirmed
/// links, a task the revision adds is matched, and a revised city plan keeps the districts' links to it.
@Suite("Links across revisions")
struct LinksAcrossRevisionsTests {
    static let revisedBaisha =
        CityData.baishaText
        .replacingOccurrences(of: "改造老旧小区12个。\t11月", with: "改造老旧小区14个。\t11月")
        + "\n3\t12.社会消费品零售总额增长8%。\t社会消费品零售总额增长7.5%。\t12月\t李强\t区住房和城乡建设局"

    @Test(
        "Revising either plan keeps the links; a task added to the cascade gets a suggestion",
        arguments: TestDatabase.available)
    func revisions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 白沙区's links confirmed
            let data = try await CityData.create(on: app.db)
            let housing = try await data.task("改造老旧小区12个", plan: data.baishaPlanID, on: app.db)
            try await data.confirmLinks(on: app.db)
            let cityHousing = try await data.task("推进城市更新", plan: data.cityPlanID, on: app.db)
            let cityRetail = try await data.task("社会消费品零售总额增长8%", plan: data.cityPlanID, on: app.db)

            // act: 白沙区 raises its housing target and adds a retail row
            let document = try #require(PlanParser.parse(text: Self.revisedBaisha).first)
            let outcome = try await PlanReviser(database: app.db).revise(
                planID: data.baishaPlanID, with: document,
                source: .init(
                    fileName: "白政办〔2025〕4号（修订）.txt", format: "txt", encoding: "UTF-8", text: Self.revisedBaisha),
                accepted: { _ in true })

            // assert: the housing task, revised in place, keeps its confirmed link; the new row is suggested
            #expect(outcome.added == 1 && outcome.changed == 1)
            let revised = try #require(try await TaskRecord.find(housing.requireID(), on: app.db))
            #expect(revised.text == "改造老旧小区14个。")
            let links = try await TaskLink.query(on: app.db).all()
            let housingLink = try #require(links.first { $0.$task.id == housing.id })
            #expect(housingLink.state == .confirmed && housingLink.$parent.id == cityHousing.id)
            let retail = try await data.task("社会消费品零售总额增长7.5%", plan: data.baishaPlanID, on: app.db)
            let retailLink = try #require(links.first { $0.$task.id == retail.id })
            #expect(retailLink.state == .suggested && retailLink.$parent.id == cityRetail.id)

            // act: the city revises its housing task's target
            let cityRevised = CityData.cityText.replacingOccurrences(of: "改造老旧小区300个", with: "改造老旧小区320个")
            _ = try await PlanReviser(database: app.db).revise(
                planID: data.cityPlanID, with: try #require(PlanParser.parse(text: cityRevised).first),
                source: .init(fileName: "云政办〔2025〕3号（修订）.txt", format: "txt", encoding: "UTF-8", text: cityRevised),
                accepted: { _ in true })
            // assert: both districts' housing tasks still point at it
            let after = try await TaskLink.query(on: app.db).filter(\.$parent.$id == cityHousing.requireID()).all()
            #expect(after.count == 2 && after.allSatisfy { $0.state == .confirmed })
            #expect(try await TaskRecord.find(cityHousing.requireID(), on: app.db)?.text == "推进城市更新，改造老旧小区320个。")
        }
    }
}
