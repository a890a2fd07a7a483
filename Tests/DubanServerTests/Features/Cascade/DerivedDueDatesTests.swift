@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// A district's due dates taken from the city's plan its cascade answers, a few days earlier, proposed on the
/// rules page and in force only once the 督查室 saves them.
@Suite("Due dates from the higher level")
struct DerivedDueDatesTests {
    @Test(
        "The rules page offers the city's dates 15 days earlier; saving puts them in force",
        arguments: TestDatabase.available)
    func deriveAndSave(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the city reports by the 20th of the month after each quarter
            let data = try await CityData.create(on: app.db)
            let cityPlan = try #require(try await Plan.find(data.cityPlanID, on: app.db))
            try await PlanReporting.save(
                ReportingRules(dueRule: .dayOfFollowingMonth(20)), for: cityPlan, actor: .system, requestID: nil,
                on: app.db)
            let rules = SiteURL.planRules(data.sample.cascadePlanID).path

            // act / assert: the panel names the city's plan and its dates
            let page = try await app.page(rules)
            #expect(page.status == .ok && page.html.contains("按上级时限推算"))
            #expect(page.html.contains("云州市《2025年市《政府工作报告》重点工作责任分解方案》"))
            #expect(page.html.contains("第一季度 2025年4月20日前"))
            // a plan of the district's own has no such panel
            #expect(!(try await app.page(SiteURL.planRules(data.sample.mainPlanID).path).html.contains("按上级时限推算")))

            // act: 15 days earlier fills the form with 次月5日, nothing saved yet
            let proposed = try await app.page(rules + "?derive=15")
            #expect(
                proposed.html.contains(
                    "已按云州市的报送时限提前15天填入下表（第一季度4月5日前、第二季度7月5日前、第三季度10月5日前、第四季度1月5日前）"))
            #expect(
                proposed.html.contains(
                    "id=\"rules-due-day\" name=\"dueDay\" type=\"number\" min=\"1\" max=\"31\" value=\"5\""))
            let before = try await PlanReporting.load(
                try #require(try await Plan.find(data.sample.cascadePlanID, on: app.db)), on: app.db)
            #expect(before.rules.dueRule != .dayOfFollowingMonth(5))
            let refused = try await app.page(rules + "?derive=90")
            #expect(refused.html.contains("提前天数应在0到60天之间"))

            // act: the 督查室 saves what was proposed
            let saved = try await app.page(
                rules, method: .POST, form: PaceReportingTests.rulesForm(pace: "").merging(["dueDay": "5"]) { $1 })
            #expect(saved.status == .seeOther)
            // assert: the district's first quarter is due on 4月5日, before the city's 4月20日
            let after = try await PlanReporting.load(
                try #require(try await Plan.find(data.sample.cascadePlanID, on: app.db)), on: app.db)
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            #expect(after.calendar.deadline(for: q1)?.due.description == "2025-04-05")
        }
    }
}
