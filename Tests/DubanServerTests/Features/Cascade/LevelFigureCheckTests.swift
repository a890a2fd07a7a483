@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// Figures reported at the city and in its districts for the same period, set against each other as they are
/// filed: the city's count below its districts' sum is flagged on whichever report makes it so.
@Suite("Figures checked across levels")
struct LevelFigureCheckTests {
    @Test(
        "A city figure below its districts' sum is flagged on the city's report, then on the district's that breaks it",
        arguments: TestDatabase.available)
    func contradictingFigures(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: both districts' housing tasks confirmed under the city's
            let data = try await CityData.create(on: app.db)
            try await data.confirmLinks(on: app.db)
            let cityHousing = try await data.task("推进城市更新", plan: data.cityPlanID, on: app.db)
            let qingxiHousing = try await data.task("改造老旧小区18个", plan: data.sample.cascadePlanID, on: app.db)
            let baishaHousing = try await data.task("改造老旧小区12个", plan: data.baishaPlanID, on: app.db)
            let cityUnit = try await data.unit("市住房和城乡建设局", government: data.cityID, on: app.db)
            let qingxiUnit = try await data.unit("区住房和城乡建设局", government: data.sample.governmentID, on: app.db)
            let baishaUnit = try await data.unit("区住房和城乡建设局", government: data.baishaID, on: app.db)
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            let day = try #require(CalendarDay("2025-04-08"))
            func file(_ task: TaskRecord, unit: UUID, count: Double, words: String) async throws -> [String] {
                let report = try await CityData.file(
                    task, unit: unit, period: q1, count: count, words: words, on: day, database: app.db)
                return try await ReportFlag.query(on: app.db).filter(\.$report.$id == report.requireID())
                    .filter(\.$kind == .contradictsOtherLevel).all().map(\.evidence)
            }

            // act / assert: the districts report 6 and 5; the city, first 9, then 11
            #expect(try await file(qingxiHousing, unit: qingxiUnit, count: 6, words: "青溪区东坡片区6个小区开工。").isEmpty)
            #expect(try await file(baishaHousing, unit: baishaUnit, count: 5, words: "白沙区沙湖片区5个小区开工。").isEmpty)
            let short = try await file(cityHousing, unit: cityUnit, count: 9, words: "全市一季度开工改造老旧小区9个。")
            #expect(short == ["本级报送改造老旧小区9个，少于下级同期已报合计11个（白沙区5个、青溪区6个）"])
            let corrected = try await file(cityHousing, unit: cityUnit, count: 11, words: "全市一季度开工改造老旧小区11个。")
            #expect(corrected.isEmpty)
            // the figure equal to the districts' sum says where it came from; the 9 typed in says nothing
            let sources = try await ReportActual.query(on: app.db).join(
                ProgressReport.self, on: \ReportActual.$report.$id == \ProgressReport.$id
            )
            .filter(ProgressReport.self, \.$task.$id == cityHousing.requireID()).sort(ProgressReport.self, \.$version)
            .all().map { $0.source }
            #expect(sources == [nil, "各下级同期报送合计：白沙区5个、青溪区6个"])
            let city = TestBrowser(app)
            _ = try await city.signIn(CityData.cityAdmin)
            let page = try await city.request(SiteURL.taskReporting(try cityHousing.requireID()).path)
            #expect(page.html.contains("来源：各下级同期报送合计：白沙区5个、青溪区6个"))
            // a district raising its figure past the city's is flagged on the district's report
            let raised = try await file(baishaHousing, unit: baishaUnit, count: 7, words: "白沙区沙湖片区7个小区开工。")
            #expect(raised == ["上级任务同期报送改造老旧小区11个，少于下级同期已报合计13个（白沙区7个、青溪区6个）"])
            // another period's figures are never compared
            let q2 = try #require(ReportingPeriod.quarter(2, of: 2025))
            let later = try await CityData.file(
                cityHousing, unit: cityUnit, period: q2, count: 3, words: "全市二季度新开工老旧小区3个。",
                on: try #require(CalendarDay("2025-07-08")), database: app.db)
            let laterFlags = try await ReportFlag.query(on: app.db).filter(\.$report.$id == later.requireID())
                .filter(\.$kind == .contradictsOtherLevel).count()
            #expect(laterFlags == 0)
        }
    }

    @Test("A link still only suggested compares nothing", arguments: TestDatabase.available)
    func suggestedLinksAreNotCompared(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let data = try await CityData.create(on: app.db)
            let cityHousing = try await data.task("推进城市更新", plan: data.cityPlanID, on: app.db)
            let baishaHousing = try await data.task("改造老旧小区12个", plan: data.baishaPlanID, on: app.db)
            let cityUnit = try await data.unit("市住房和城乡建设局", government: data.cityID, on: app.db)
            let baishaUnit = try await data.unit("区住房和城乡建设局", government: data.baishaID, on: app.db)
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            let day = try #require(CalendarDay("2025-04-08"))
            // act
            for (task, unit, count) in [(baishaHousing, baishaUnit, 8.0), (cityHousing, cityUnit, 2.0)] {
                try await CityData.file(
                    task, unit: unit, period: q1, count: count, words: "一季度开工改造老旧小区\(Int(count))个。", on: day,
                    database: app.db)
            }
            // assert
            #expect(try await ReportFlag.query(on: app.db).filter(\.$kind == .contradictsOtherLevel).count() == 0)
        }
    }
}
