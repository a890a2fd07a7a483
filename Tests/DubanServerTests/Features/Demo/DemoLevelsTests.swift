@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// The demo's levels: 云州市 above 青溪区 and 白沙区, the city's plan cascading into both, read at the city.
@Suite("Demo across levels")
struct DemoLevelsTests {
    @Test(
        "Both districts' cascades are linked to the city's tasks, and the city reads them",
        arguments: TestDatabase.available)
    func cityAndDistricts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            let governments = try await Government.query(on: app.db).all()
            let city = try #require(governments.first { $0.name == DemoCascade.cityName })
            let below = governments.filter { $0.$parent.id == city.id }.map(\.shortName).sorted()
            // assert: every cascaded row has its parent, confirmed, in the city's plan
            #expect(below == ["白沙区", "青溪区"])
            let links = try await TaskLink.query(on: app.db).all()
            let tasks = try await TaskRecord.query(on: app.db).with(\.$plan).all()
            let cityTaskIDs = Set(tasks.filter { $0.plan.$government.id == city.id }.compactMap(\.id))
            let confirmed = links.filter { $0.state == .confirmed }.count
            let inCity = links.filter { $0.$parent.id.map(cityTaskIDs.contains) == true }.count
            #expect(links.count == 32 && confirmed == 32 && inCity == 32)
            let gdp = try #require(tasks.first { $0.text == "全市地区生产总值增长5.5%左右。" })
            let gdpChildren = links.filter { $0.$parent.id == gdp.id }.count
            #expect(gdpChildren == 2, "the quoted number 3, not task 1")
            // act: the city's 督查室 opens its housing task
            let housing = try #require(tasks.first { $0.text == "推进城市更新，改造老旧小区400个。" })
            let browser = TestBrowser(app)
            _ = try await browser.signIn("shi", password: DemoAccounts.password)
            let page = try await browser.request(SiteURL.task(try housing.requireID()).path)
            // assert
            #expect(page.status == .ok && page.html.contains("下级落实情况"))
            #expect(page.html.contains("白沙区") && page.html.contains("青溪区"))
            #expect(page.html.contains("分解合计33个，占上级目标8.3%"))
        }
    }
}
