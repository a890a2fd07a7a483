@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing

/// The city's target table with each district's localised target beneath the city's, for the readers the policy
/// lets read the districts' reports.
@Suite("Targets beneath the higher target")
struct TargetTableBelowTests {
    @Test(
        "Each district's localised target and figures sit beneath the city's, a month answering its quarter; a city clerk sees only its own task's",
        arguments: TestDatabase.available)
    func localisedRows(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: links confirmed; 白沙区's housing and land units report the first quarter
            let data = try await CityData.create(on: app.db)
            try await data.confirmLinks(on: app.db)
            // 白沙区 reports monthly: its March figure answers the city's first quarter
            let baishaPlan = try #require(try await Plan.find(data.baishaPlanID, on: app.db))
            try await PlanReporting.save(
                ReportingRules(cycle: .monthly), for: baishaPlan, actor: .system, requestID: nil, on: app.db)
            let q1 = try #require(ReportingPeriod.month(3, of: 2025))
            let day = try #require(CalendarDay("2025-04-08"))
            for (prefix, unitName, count) in [("改造老旧小区12个", "区住房和城乡建设局", 5.0), ("新增建设用地1500亩", "区自然资源和规划局", 300)] {
                let task = try await data.task(prefix, plan: data.baishaPlanID, on: app.db)
                try await CityData.file(
                    task, unit: try await data.unit(unitName, government: data.baishaID, on: app.db), period: q1,
                    count: count, words: "白沙区推进\(prefix)。", on: day, database: app.db)
            }
            let path = SiteURL.planTargets(data.cityPlanID).path

            // act: the city's 督查室
            let city = TestBrowser(app)
            _ = try await city.signIn(CityData.cityAdmin)
            let page = try await city.request(path)
            // assert: the housing target, then both districts' slices, 白沙区's figure in its period
            #expect(page.status == .ok && page.occurrences(of: "class=\"target-below\"") == 4)
            #expect(page.html.contains("白沙区 · 区住房和城乡建设局") && page.html.contains("青溪区 · 区住房和城乡建设局"))
            #expect(page.html.contains("12个（占上级目标4%）") && page.html.contains("1500亩（占上级目标5%（折合100公顷））"))
            #expect(page.html.contains("300亩"))
            let book = try await city.request(SiteURL.planTargetsXlsx(data.cityPlanID).path)
            let sheet = try #require(try XlsxReader.sheets(data: book.data, fileName: "指标.xlsx").first)
            let landRows = sheet.rows.filter { $0.count > 4 && $0[4] == "白沙区 · 区自然资源和规划局" }
            #expect(landRows.count == 1 && landRows.first?[5].hasPrefix("300亩") == true)

            // act / assert: the city's housing clerk reads the districts' housing figures, not their land
            let clerk = TestBrowser(app)
            _ = try await clerk.signIn(CityData.cityClerk)
            let clerkPage = try await clerk.request(path)
            #expect(clerkPage.status == .ok && clerkPage.html.contains("白沙区 · 区住房和城乡建设局"))
            #expect(!clerkPage.html.contains("白沙区 · 区自然资源和规划局"))
        }
    }
}
