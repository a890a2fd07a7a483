@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// Merging one unit into another, through the service and through the form, on every available database engine.
@Suite("Unit merge")
struct UnitMergeTests {
    /// A duplicate of 区科学技术和经济信息化局 under another name: it leads task 2 (which the target already leads)
    /// and is responsible for task 3 (which the target has no part in), and it belongs to 各街道办事处.
    private func makeDuplicate(_ sample: SampleData, on database: any Database) async throws -> DubanServer.Unit {
        let duplicate = DubanServer.Unit(governmentID: sample.governmentID, name: "区科学技术局", kind: .bureau)
        try await duplicate.create(on: database)
        let id = try duplicate.requireID()
        try await UnitAlias(unitID: id, alias: "区科技局").create(on: database)
        try await UnitAlias(unitID: id, alias: "区科经局", kind: .alias).create(on: database)
        let taskTwo = try await sample.task("实施技术改造", on: database)
        let taskThree = try await sample.task("推行企业开办", on: database)
        try await TaskAssignment(taskID: try taskTwo.requireID(), unitID: id, role: .lead, position: 1).create(
            on: database)
        try await TaskAssignment(taskID: try taskThree.requireID(), unitID: id, role: .responsible, position: 2)
            .create(on: database)
        let group = try await sample.unit("各街道办事处", on: database)
        try await UnitMembership(groupID: try group.requireID(), memberID: id).create(on: database)
        return duplicate
    }

    @Test(
        "Merging moves assignments, drops duplicates, keeps names as aliases, moves memberships, deletes the source",
        arguments: TestDatabase.available)
    func mergeService(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let target = try await sample.unit("区科学技术和经济信息化局", on: app.db)
            let source = try await makeDuplicate(sample, on: app.db)
            let targetID = try target.requireID()
            // act
            let outcome = try await UnitMerger(database: app.db)
                .merge(sourceID: try source.requireID(), into: targetID, governmentID: sample.governmentID)
            // assert
            #expect(outcome == UnitMerger.Outcome(movedAssignments: 1, droppedDuplicates: 1, addedAliases: 2))
            #expect(try await DubanServer.Unit.find(source.requireID(), on: app.db) == nil)
            let assignments = try await TaskAssignment.query(on: app.db).filter(\.$unit.$id == targetID).all()
            #expect(assignments.count == 5)
            #expect(assignments.filter { $0.role == .lead }.count == 2)
            let aliases = try await UnitAlias.query(on: app.db).filter(\.$unit.$id == targetID).all().map(\.alias)
            #expect(Set(aliases) == ["区科经局", "区科学技术局", "区科技局"])
            let group = try await sample.unit("各街道办事处", on: app.db)
            let members = try await UnitMembership.query(on: app.db).filter(\.$group.$id == group.requireID()).all()
            #expect(members.contains { $0.$member.id == targetID })
            #expect(try await UnitMembership.query(on: app.db).count() == 3)
        }
    }

    @Test(
        "A merged unit's reports and work plans become the target's; where both filed, the target's stays current",
        arguments: TestDatabase.available)
    func mergeKeepsFilings(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: both lead task 2 and reported its first quarter; the duplicate also filed a work plan on task 3
            let sample = try await SampleData.create(on: app.db)
            let target = try await sample.unit("区科学技术和经济信息化局", on: app.db).requireID()
            let source = try await makeDuplicate(sample, on: app.db).requireID()
            let taskTwo = try await sample.task("实施技术改造", on: app.db).requireID()
            let taskThree = try await sample.task("推行企业开办", on: app.db).requireID()
            let day = try #require(CalendarDay("2025-04-10"))
            let filer = ReportFiling.Filer(
                userID: nil, actor: .system, requestID: nil, now: AppClock.moment(day, hour: 10), today: day)
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            let db = app.db
            @Sendable func file(_ unit: UUID, _ words: String) async throws {
                _ = try await ReportFiling.submit(
                    .init(
                        period: q1, status: .onSchedule, reason: "", narrative: words, actuals: [], newFiles: [],
                        keptAttachmentIDs: []),
                    taskID: taskTwo, unitID: unit, by: filer, on: db)
            }
            try await file(target, "科经局：完成技改项目备案12个。")
            // the duplicate reported the same period under its own name, in two versions (as it would have, had
            // it stood first among the task's leads when it filed)
            for version in 1...2 {
                let report = ProgressReport(
                    taskID: taskTwo, unitID: source, period: q1.key, kind: .report, version: version,
                    status: .onSchedule, reason: "", narrative: "科学技术局：完成技改项目备案\(9 + version)个。",
                    dueOn: "2025-04-20", submittedOn: day.description, daysLate: 0, submittedAt: filer.now,
                    submittedByID: nil)
                if version == 1 { report.state = .superseded }
                try await report.create(on: db)
            }
            _ = try await WorkPlanFiling.submit(
                [.init(content: "梳理企业开办流程", plannedMonth: 4, leader: "副局长", department: "综合科")],
                taskID: taskThree, unitID: source, by: filer, on: db)

            // act
            let outcome = try await UnitMerger(database: db)
                .merge(sourceID: source, into: target, governmentID: sample.governmentID)

            // assert: nothing was deleted with the source; the duplicate's versions come first, superseded
            #expect(outcome.movedFilings == 3)
            let reports = try await ProgressReport.query(on: db).filter(\.$task.$id == taskTwo)
                .filter(\.$unit.$id == target).sort(\.$version).all()
            #expect(reports.map(\.version) == [1, 2, 3])
            #expect(reports.map { String($0.narrative.prefix(3)) } == ["科学技", "科学技", "科经局"])
            #expect(reports.map(\.state) == [.superseded, .superseded, .submitted])
            let plans = try await WorkPlan.query(on: db).filter(\.$task.$id == taskThree).all()
            #expect(plans.map(\.$unit.id) == [target])
            #expect(try await ProgressReport.query(on: db).filter(\.$unit.$id == source).count() == 0)
            // and the target files on from its current version
            try await file(target, "科经局：完成技改项目备案15个。")
            let live = try await ProgressReport.query(on: db).filter(\.$task.$id == taskTwo)
                .filter(\.$state != ReviewState.superseded).all()
            #expect(live.map(\.version) == [4])
        }
    }

    @Test("The form merges and redirects to the unit page with a notice", arguments: TestDatabase.available)
    func mergeThroughForm(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let target = try await sample.unit("区科学技术和经济信息化局", on: app.db)
            let source = try await makeDuplicate(sample, on: app.db)
            let sourceValue = try source.requireID().uuidString.lowercased()
            // act
            let response = try await app.page(
                SiteURL.unitMerge(try target.requireID()).path, method: .POST,
                form: ["source": sourceValue, "confirm": "1"])
            // assert
            #expect(response.status == .seeOther)
            let location = try #require(response.location)
            #expect(location == SiteURL.unitAfterMerge(try target.requireID(), moved: 1).path)
            let page = try await app.page(location)
            #expect(page.html.contains("合并完成：已转入 1 项任务分工"))
            #expect(page.html.contains("<span class=\"chip plain\">区科学技术局</span>"))
            #expect(page.html.contains("推行企业开办“一网通办”"))
            #expect(try await app.page(SiteURL.unit(try source.requireID()).path).status == .notFound)
        }
    }

    @Test("Bad merge requests get a Chinese error page and change nothing", arguments: TestDatabase.available)
    func badMerges(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let target = try await sample.unit("区财政局", on: app.db)
            let targetID = try target.requireID().uuidString.lowercased()
            let other = Government(name: "东湖区人民政府", shortName: "东湖区", level: "区")
            try await other.create(on: app.db)
            let foreign = DubanServer.Unit(governmentID: try other.requireID(), name: "区财政局", kind: .bureau)
            try await foreign.create(on: app.db)
            let unitCount = try await DubanServer.Unit.query(on: app.db).count()
            let path = SiteURL.unitMerge(try target.requireID()).path
            // act, assert
            let cases: [(form: [String: String], status: HTTPResponseStatus, message: String)] = [
                (["source": targetID], .badRequest, "不能把一个单位合并到它自己"),
                (["source": UUID().uuidString], .badRequest, "所选单位不存在或不属于本级政府"),
                (["source": try foreign.requireID().uuidString], .badRequest, "所选单位不存在或不属于本级政府"),
                (["source": "区科经局"], .badRequest, "请先选择要合并到本单位的单位"),
                ([:], .badRequest, "请先选择要合并到本单位的单位"),
            ]
            for item in cases {
                let page = try await app.page(path, method: .POST, form: item.form)
                #expect(page.status == item.status, "\(item.form)")
                #expect(page.html.contains(item.message), "\(item.form)")
            }
            let unknownTarget = try await app.page(
                SiteURL.unitMerge(UUID()).path, method: .POST, form: ["source": targetID])
            #expect(unknownTarget.status == .notFound)
            #expect(unknownTarget.html.contains("没有找到这个单位"))
            #expect(try await DubanServer.Unit.query(on: app.db).count() == unitCount)
        }
    }
}
