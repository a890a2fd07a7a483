@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A city and two districts on one installation: cascades matched on import and confirmed by each district's
/// 督查室, district reports read at the city and drafted into the city's report, and nothing seen sideways.
@Suite("Across levels")
struct CrossLevelTests {
    @Test(
        "Links suggested, confirmed, read upward; the city drafts from the districts; siblings see nothing",
        arguments: TestDatabase.available)
    func cityAndDistricts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let data = try await CityData.create(on: app.db)
            let qingxiPlan = data.sample.cascadePlanID
            let cityRetail = try await data.task("社会消费品零售总额增长8%", plan: data.cityPlanID, on: app.db)
            let cityHousing = try await data.task("推进城市更新", plan: data.cityPlanID, on: app.db)
            let cityLand = try await data.task("新增建设用地", plan: data.cityPlanID, on: app.db)
            let qingxiRetail = try await data.task("社会消费品零售总额增长8.5%", plan: qingxiPlan, on: app.db)
            let qingxiHousing = try await data.task("改造老旧小区18个", plan: qingxiPlan, on: app.db)
            let baishaHousing = try await data.task("改造老旧小区12个", plan: data.baishaPlanID, on: app.db)
            let baishaLand = try await data.task("新增建设用地1500亩", plan: data.baishaPlanID, on: app.db)

            // assert: the importer suggested each district task's parent, waiting for confirmation
            let links = try await TaskLink.query(on: app.db).all()
            func parent(of task: TaskRecord) throws -> UUID? {
                links.first { $0.$task.id == task.id }?.$parent.id
            }
            #expect(links.count == 4 && links.allSatisfy { $0.state == .suggested })
            #expect(try parent(of: qingxiRetail) == cityRetail.id && parent(of: qingxiHousing) == cityHousing.id)
            #expect(try parent(of: baishaHousing) == cityHousing.id && parent(of: baishaLand) == cityLand.id)
            // a suggestion grants nothing yet: the city reads no district task
            let city = TestBrowser(app)
            _ = try await city.signIn(CityData.cityAdmin)
            #expect(try await city.request(SiteURL.task(try qingxiHousing.requireID()).path).status == .ok)
            #expect(
                !(try await city.request(SiteURL.task(try cityHousing.requireID()).path).html.contains("下级落实情况")))

            // act: 青溪区's 督查室 confirms on the wizard's last page; 白沙区's picks the land task by its number
            let parentsPage = try await app.page(SiteURL.planParents(qingxiPlan).path)
            #expect(parentsPage.status == .ok && parentsPage.html.contains("2 项待确认"))
            #expect(parentsPage.html.contains("云州市 · 第21项 推进城市更新"))
            let qingxiForm = try [qingxiRetail, qingxiHousing].reduce(into: [String: String]()) { form, task in
                let id = try task.requireID()
                form["link-\(id.uuidString.lowercased())"] = try #require(try parent(of: task)).uuidString
            }
            let saved = try await app.page(SiteURL.planParents(qingxiPlan).path, method: .POST, form: qingxiForm)
            #expect(saved.location == SiteURL.planParents(qingxiPlan).path + "?saved=1")
            let baisha = TestBrowser(app)
            _ = try await baisha.signIn(CityData.baishaAdmin)
            let baishaKey = { (task: TaskRecord) in task.id?.uuidString.lowercased() ?? "" }
            _ = try await baisha.request(SiteURL.planParents(data.baishaPlanID).path)
            let baishaSaved = try await baisha.request(
                SiteURL.planParents(data.baishaPlanID).path, method: .POST,
                form: [
                    "link-\(baishaKey(baishaHousing))": try #require(try parent(of: baishaHousing)).uuidString,
                    "link-\(baishaKey(baishaLand))": "number", "number-\(baishaKey(baishaLand))": "30",
                ])
            #expect(baishaSaved.status == .seeOther)
            let confirmed = try await TaskLink.query(on: app.db).filter(\.$state == .confirmed).count()
            #expect(confirmed == 4)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "plan.parents").count() == 2)

            // act: each district's housing unit reports the first quarter, 青溪区 after the city's due date
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            let cityDue = try #require(
                try await PlanReporting.load(cityHousing.plan(on: app.db), on: app.db).calendar.deadline(for: q1)?.due)
            func file(_ task: TaskRecord, unit: UUID, count: Double, words: String, on day: CalendarDay) async throws {
                let target = try #require(QuantifiedTargets.extract(from: task.text).first)
                _ = try await ReportFiling.submit(
                    .init(
                        period: q1, status: .onSchedule, reason: "", narrative: words,
                        actuals: [
                            .init(label: target.label, unitOfMeasure: target.unit, target: target.value, actual: count)
                        ],
                        newFiles: [], keptAttachmentIDs: []),
                    taskID: try task.requireID(), unit: unit, on: day, database: app.db)
            }
            let qingxiUnit = try await data.unit("区住房和城乡建设局", government: data.sample.governmentID, on: app.db)
            let baishaUnit = try await data.unit("区住房和城乡建设局", government: data.baishaID, on: app.db)
            try await file(
                qingxiHousing, unit: qingxiUnit, count: 6, words: "青溪区一季度完成东坡片区6个老旧小区改造的立项和招标。",
                on: cityDue.adding(days: 2))
            try await file(
                baishaHousing, unit: baishaUnit, count: 5, words: "白沙区一季度开工改造5个老旧小区，涉及居民1200户。",
                on: cityDue.adding(days: -3))

            // assert: the city task lists both districts with their targets, lights, reports and the totals
            let cityTask = try await city.request(SiteURL.task(try cityHousing.requireID()).path)
            #expect(
                cityTask.status == .ok && cityTask.html.contains("下级落实情况"),
                "\(cityTask.status) \(cityTask.html.suffix(3000))")
            #expect(cityTask.html.contains("青溪区") && cityTask.html.contains("白沙区"))
            #expect(cityTask.html.contains("占上级目标6%") && cityTask.html.contains("占上级目标4%"))
            #expect(cityTask.html.contains("分解合计30个，占上级目标10%"))
            #expect(cityTask.html.contains("已报完成11个（2个单位），为上级目标的3.7%"))
            #expect(cityTask.html.contains("本级新增指标"), "青溪区's 加装电梯 is its own metric")
            #expect(cityTask.html.contains("晚于上级时限") && cityTask.occurrences(of: "晚于上级时限") == 1)
            let land = try await city.request(SiteURL.task(try cityLand.requireID()).path)
            #expect(land.html.contains("占上级目标5%（折合100公顷）"))
            // the city's 督查室 reads a district's reports, plan and targets, and acts on none of it
            let districtReports = try await city.request(SiteURL.taskReporting(try qingxiHousing.requireID()).path)
            #expect(districtReports.status == .ok && districtReports.html.contains("东坡片区6个老旧小区"))
            #expect(!districtReports.html.contains("data-review"), "no review buttons at the city")
            let districtPlan = try await city.request(SiteURL.plan(qingxiPlan).path)
            #expect(districtPlan.status == .ok && districtPlan.html.contains("这是下级政府的方案"))
            #expect(!districtPlan.html.contains(SiteURL.planRules(qingxiPlan).path))
            #expect(try await city.request(SiteURL.planTargets(qingxiPlan).path).status == .ok)
            #expect(try await city.request(SiteURL.planParents(qingxiPlan).path).status == .notFound)
            #expect(try await city.request(SiteURL.plans.path).html.contains("下级政府的方案"))
            // the district's task page shows its parent with the city's due dates and the comparison
            let districtTask = try await app.page(SiteURL.task(try qingxiRetail.requireID()).path)
            #expect(districtTask.html.contains("上级任务") && districtTask.html.contains("已确认"))
            #expect(districtTask.html.contains("高于上级") && districtTask.html.contains("上级报送时限"))

            // act / assert: the city's lead unit drafts its report from the districts', figures added up
            let clerk = TestBrowser(app)
            _ = try await clerk.signIn(CityData.cityClerk)
            let form = try await clerk.request(SiteURL.taskReporting(try cityHousing.requireID()).path)
            #expect(form.html.contains("下级政府已报送的情况"))
            #expect(form.html.contains("data-quote=\"【白沙区·2025年第一季度】白沙区一季度开工改造5个老旧小区"))
            #expect(form.html.contains("data-fill=\"actual-0\" data-value=\"11\""))
            // the clerk reads the districts' reports on its task, and nothing else of theirs
            #expect(try await clerk.request(SiteURL.taskReporting(try baishaHousing.requireID()).path).status == .ok)
            #expect(try await clerk.request(SiteURL.taskReporting(try baishaLand.requireID()).path).status == .notFound)
            #expect(try await clerk.request(SiteURL.plan(data.baishaPlanID).path).status == .notFound)

            // assert: a sibling district sees nothing of the other, and reads only the city tasks sent to it
            for path in [
                SiteURL.task(try qingxiHousing.requireID()).path,
                SiteURL.taskReporting(try qingxiHousing.requireID()).path,
                SiteURL.plan(qingxiPlan).path, SiteURL.plan(data.sample.mainPlanID).path,
                SiteURL.planTargets(qingxiPlan).path, SiteURL.task(try cityRetail.requireID()).path,
            ] {
                #expect(try await baisha.request(path).status == .notFound, "白沙区 opened \(path)")
            }
            #expect(try await baisha.request(SiteURL.task(try cityLand.requireID()).path).status == .ok)
            #expect(try await baisha.request(SiteURL.taskReporting(try cityLand.requireID()).path).status == .forbidden)
            let cityForBaisha = try await baisha.request(SiteURL.task(try cityHousing.requireID()).path)
            #expect(cityForBaisha.status == .ok && !cityForBaisha.html.contains("东坡片区"))
        }
    }
}

extension ReportFiling {
    /// Files a report as the unit's clerk would on `day`.
    static func submit(
        _ submission: Submission, taskID: UUID, unit: UUID, on day: CalendarDay, database: any Database
    ) async throws -> ProgressReport {
        try await submit(
            submission, taskID: taskID, unitID: unit,
            by: Filer(userID: nil, actor: .system, requestID: nil, now: AppClock.moment(day, hour: 10), today: day),
            on: database)
    }
}

extension TaskRecord {
    /// The task's plan, loaded.
    func plan(on database: any Database) async throws -> Plan {
        try #require(try await Plan.find($plan.id, on: database))
    }
}
