@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// Plans, their tasks and search through the API, on sample data, every answer checked against its schema.
@Suite("API plans and tasks")
struct APIPlanTests {
    @Test(
        "Plans are listed newest first with task counts; a plan has its sections and counts by kind",
        arguments: TestDatabase.available)
    func plans(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .viewer)
            // act
            let list = try await app.api(.GET, "/plans", auth: .bearer(token))
            let plan = try await app.api(.GET, "/plans/\(sample.mainPlanID)", auth: .bearer(token))
            // assert
            #expect(list.status == .ok && plan.status == .ok)
            #expect(try list.schemaProblems("PlanList") == [])
            #expect(try plan.schemaProblems("Plan") == [])
            let plans = try list.decode(ListDTO<PlanSummaryDTO>.self).items
            #expect(Set(plans.map(\.id)) == [sample.mainPlanID, sample.cascadePlanID])
            let main = try #require(plans.first { $0.id == sample.mainPlanID })
            #expect(main.taskCount == 8 && main.docNumber == "青政办〔2025〕5号" && main.issuedOn == "2025-02-10")
            let detail = try plan.decode(PlanDTO.self)
            #expect(detail.sourceFileName == SampleData.mainFileName)
            #expect(
                detail.taskCountsByKind == ["target": 2, "task": 4, "livelihood": 2, "continued": 0, "cascaded": 0])
            #expect(
                detail.sections.map(\.title) == [
                    "一、主要预期目标", "二、重点工作", "(一)做强产业支撑", "——壮大先进制造业",
                    "(二)优化营商环境", "三、民生实事",
                ])
            #expect(detail.sections.map(\.depth) == [1, 1, 2, 3, 2, 1])
            #expect(detail.sections.map(\.taskCount) == [2, 4, 2, 2, 2, 2])
            let manufacturing = detail.sections[3]
            #expect(manufacturing.parentId == detail.sections[2].id)
            #expect(detail.sections[0].parentId == nil)
        }
    }

    @Test("A plan's tasks page, filter by kind and unit, and refuse bad parameters", arguments: TestDatabase.available)
    func planTasks(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .clerk)
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let path = "/plans/\(sample.mainPlanID)/tasks"
            // act
            let firstPage = try await app.api(.GET, path + "?perPage=3", auth: .bearer(token))
            let lastPage = try await app.api(.GET, path + "?perPage=3&page=3", auth: .bearer(token))
            let livelihood = try await app.api(.GET, path + "?kind=livelihood", auth: .bearer(token))
            let byUnit = try await app.api(.GET, path + "?unit=\(finance)", auth: .bearer(token))
            // assert
            #expect(try firstPage.schemaProblems("TaskPage") == [])
            let first = try firstPage.decode(PageDTO<TaskSummaryDTO>.self)
            #expect(first.total == 8 && first.pageCount == 3 && first.perPage == 3 && first.items.count == 3)
            #expect(first.items.map(\.number) == ["(一)", "(二)", "1"])
            #expect(try lastPage.decode(PageDTO<TaskSummaryDTO>.self).items.map(\.number) == ["5", "6"])
            #expect(
                try livelihood.decode(PageDTO<TaskSummaryDTO>.self).items.map(\.kind) == ["livelihood", "livelihood"])
            let held = try byUnit.decode(PageDTO<TaskSummaryDTO>.self)
            #expect(held.items.map(\.number) == ["1", "2", "4"])
            let task4 = try #require(held.items.last)
            #expect(task4.roles.map(\.role) == ["lead", "responsible"])
            #expect(task4.roles.first?.units == [UnitRefDTO(id: finance, name: "区财政局")])
            #expect(task4.leaders.map(\.name) == ["刘海燕", "王立新"])
            for bad in ["?kind=unknown", "?kind=", "?page=0", "?perPage=500", "?page=abc", "?unit=not-an-id"] {
                let refused = try await app.api(.GET, path + bad, auth: .bearer(token))
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(refused.error?.code == "invalid_request", "\(bad)")
            }
        }
    }

    @Test(
        "A task has its roles with unit ids, leaders, deadline, section path, parent and source lines",
        arguments: TestDatabase.available)
    func task(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .leader)
            let battery = try await sample.task("推进新能源电池产业园", on: app.db)
            let cascade = try await sample.task("改造老旧小区18个", on: app.db)
            // act
            let response = try await app.api(.GET, "/tasks/\(try battery.requireID())", auth: .bearer(token))
            let cascaded = try await app.api(.GET, "/tasks/\(try cascade.requireID())", auth: .bearer(token))
            // assert
            #expect(response.status == .ok)
            #expect(try response.schemaProblems("Task") == [])
            #expect(try cascaded.schemaProblems("Task") == [])
            let task = try response.decode(TaskDTO.self)
            #expect(task.number == "1" && task.kind == "task" && task.kindLabel == "重点工作")
            #expect(task.deadline == "2025年12月")
            #expect(task.sections.map(\.title) == ["二、重点工作", "(一)做强产业支撑", "——壮大先进制造业"])
            #expect(task.roles.map(\.role) == ["overallLead", "lead", "responsible"])
            let responsible = try #require(task.roles.last).units.map(\.name)
            #expect(responsible == ["区财政局", "东坡街道办事处", "西湖街道办事处"])
            let leadUnit = try #require(task.roles[1].units.first)
            #expect(leadUnit.id == (try await sample.unit("区科学技术和经济信息化局", on: app.db).requireID()))
            #expect(task.leaders.map(\.name) == ["王立新"])
            #expect(task.parent == nil)
            #expect(task.sourceLine == 15)
            let source = try #require(task.source)
            #expect(source.fileName == SampleData.mainFileName)
            #expect(source.lines.first { $0.number == 15 }?.text.hasPrefix("1.推进新能源电池产业园二期建设") == true)
            let localised = try cascaded.decode(TaskDTO.self)
            #expect(localised.kind == "cascaded")
            #expect(localised.parent == ParentTaskDTO(number: "21", text: "推进城市更新，改造老旧小区300个。"))
        }
    }

    @Test(
        "Search finds tasks by words and filters, pages them, and lists all with nothing to look for",
        arguments: TestDatabase.available)
    func search(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .viewer)
            let wang = try await sample.leader("王立新", on: app.db).requireID()
            // act
            let words = try await app.api(.GET, "/search?q=%E5%B7%A5%E4%B8%9A%E4%BC%81%E4%B8%9A", auth: .bearer(token))
            let byLeader = try await app.api(.GET, "/search?leader=\(wang)&perPage=2&page=2", auth: .bearer(token))
            let empty = try await app.api(.GET, "/search?q=%20", auth: .bearer(token))
            // assert
            #expect(try words.schemaProblems("TaskPage") == [])
            let found = try words.decode(PageDTO<TaskSummaryDTO>.self)
            #expect(found.total == 1 && found.items.first?.text.contains("规模以上工业企业") == true)
            #expect(found.items.first?.planTitle == "2025年区《政府工作报告》重点工作责任分解方案")
            let led = try byLeader.decode(PageDTO<TaskSummaryDTO>.self)
            #expect(led.total == 5 && led.page == 2 && led.items.count == 2)
            // nothing to look for lists every task, paged, as the document says
            let all = try empty.decode(PageDTO<TaskSummaryDTO>.self)
            #expect(empty.status == .ok && all.total == 10 && all.items.count == 10)
        }
    }
}
