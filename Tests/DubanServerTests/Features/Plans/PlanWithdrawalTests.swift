@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// A published plan is withdrawn, never deleted: it leaves every list, count and filing, keeps its record,
/// and an administrator restores it — unless another plan in force has taken its place.
@Suite("Plan withdrawal")
struct PlanWithdrawalTests {
    static let taskWords = "推进新能源电池产业园二期建设"

    @Test(
        "A withdrawn plan leaves the lists, the desk, 督办, search and filing, and comes back on restore",
        arguments: TestDatabase.available)
    func withdrawAndRestore(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let planID = sample.mainPlanID
            let unitID = try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()
            let task = try await sample.task(Self.taskWords, on: app.db)
            let plan = try #require(try await Plan.find(planID, on: app.db))
            #expect(try await app.page(SiteURL.unitDesk(unitID).path, as: .clerk).html.contains(Self.taskWords))
            // act: others may not withdraw; the administrator must say why
            let byClerk = try await app.page(SiteURL.planWithdraw(planID).path, as: .clerk)
            let confirm = try await app.page(SiteURL.planWithdraw(planID).path)
            let noReason = try await app.page(
                SiteURL.planWithdraw(planID).path, method: .POST, form: ["reason": "  "])
            // assert
            #expect(byClerk.status == .forbidden)
            #expect(confirm.status == .ok && confirm.html.contains("8 项任务不再要求报送"))
            #expect(noReason.status == .unprocessableEntity && noReason.html.contains("请填写撤回理由"))
            #expect(try await Plan.find(planID, on: app.db)?.withdrawnAt == nil)
            // act: withdraw
            let withdrawn = try await app.page(
                SiteURL.planWithdraw(planID).path, method: .POST, form: ["reason": "误导入"])
            // assert: kept, archived, out of every list and count
            #expect(withdrawn.status == .seeOther && withdrawn.location == SiteURL.plan(planID).path + "?withdrawn=1")
            let stored = try #require(try await Plan.find(planID, on: app.db))
            #expect(stored.withdrawnAt != nil && stored.withdrawalReason == "误导入")
            #expect(try await TaskRecord.query(on: app.db).filter(\.$plan.$id == planID).count() == 8)
            let archived = try await app.page(SiteURL.plan(planID).path + "?withdrawn=1")
            #expect(archived.html.contains("本方案已撤回") && archived.html.contains("误导入"))
            #expect(archived.html.contains(SiteURL.planRestore(planID).path))
            #expect(!archived.html.contains(SiteURL.planWithdraw(planID).path))
            let listForAdmin = try await app.page(SiteURL.plans.path)
            let archiveSection = try #require(listForAdmin.html.components(separatedBy: "已撤回的方案").last)
            #expect(archiveSection.contains(plan.title))
            #expect(!(try await app.page(SiteURL.plans.path, as: .viewer).html.contains(plan.title)))
            #expect(!(try await app.page(SiteURL.unitDesk(unitID).path, as: .clerk).html.contains(Self.taskWords)))
            #expect(!(try await app.page(SiteURL.oversight.path).html.contains(Self.taskWords)))
            let search = try await app.page(SiteURL.searchWith([("q", "新能源电池")]).path)
            #expect(!search.html.contains(SiteURL.task(try task.requireID()).path))
            let context = try #require(
                try await FilingContext.load(
                    taskID: try task.requireID(), governmentID: sample.governmentID, on: app.db))
            #expect(throws: ReportFilingError.taskWithdrawn) { try context.requireDuty() }
            #expect(
                try await PublishForecast.duplicate(
                    docNumber: plan.docNumber, title: plan.title, year: plan.year, governmentID: sample.governmentID,
                    on: app.db) == nil, "a withdrawn plan may be imported again")
            // act: restore
            let restored = try await app.page(SiteURL.planRestore(planID).path, method: .POST, form: [:])
            // assert
            #expect(restored.status == .seeOther)
            #expect(try await Plan.find(planID, on: app.db)?.withdrawnAt == nil)
            #expect(try await app.page(SiteURL.unitDesk(unitID).path, as: .clerk).html.contains(Self.taskWords))
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entityID == planID).all().map(\.action)
            #expect(actions.contains("plan.withdraw") && actions.contains("plan.restore"))
        }
    }

    @Test("Restoring is refused while a plan in force has taken its place", arguments: TestDatabase.available)
    func restoreRefusedWhenReplaced(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: withdraw, then import the same notice again
            let sample = try await SampleData.create(on: app.db)
            let planID = sample.mainPlanID
            _ = try await PlanWithdrawal.withdraw(
                planID: planID, governmentID: sample.governmentID, reason: "重新导入", actor: .system, requestID: nil,
                on: app.db)
            let replacement = try await PlanImporter(database: app.db).importPlan(
                try #require(PlanParser.parse(text: SampleData.mainText).first), governmentID: sample.governmentID)
            // act
            let refused = try await app.page(SiteURL.planRestore(planID).path, method: .POST, form: [:])
            // assert
            #expect(refused.status == .conflict && refused.html.contains("已有文号相同的方案"))
            #expect(try await Plan.find(planID, on: app.db)?.withdrawnAt != nil)
            #expect(try await Plan.find(try replacement.requireID(), on: app.db)?.withdrawnAt == nil)
        }
    }
}
