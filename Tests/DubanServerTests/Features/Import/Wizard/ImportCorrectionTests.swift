@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// Correcting parsed tasks in place and mapping leader names, through the wizard's real routes.
@Suite("Import wizard corrections")
struct ImportCorrectionTests {
    /// The reference of the `number`-th task of the draft's first document.
    static func reference(_ number: String, in draft: ImportDraft) throws -> String {
        let task = try #require(
            ImportWizard.parsedDocuments(of: draft).documents.first?.tasks.first { $0.number == number })
        return TaskCorrection.reference(document: 0, key: task.key)
    }

    @Test(
        "Correct a task's words and units, leave out a line, and the plan is published as corrected",
        arguments: TestDatabase.available)
    func correctAndExclude(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            _ = try await app.wizardUpload(Data(ImportWizardTests.text.utf8), fileName: "方案.txt", year: "2026")
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            let fourth = try Self.reference("4", in: draft)
            let third = try Self.reference("3", in: draft)
            // act: the form shows the parsed reading beside the source
            let form = try await app.page(SiteURL.importTask(draftID, fourth).path)
            #expect(form.status == .ok)
            #expect(form.html.contains("开展全民健身活动。") && form.html.contains("line-number"))
            // act: an empty text is refused, nothing saved
            let refused = try await app.page(
                SiteURL.importTask(draftID, fourth).path, method: .POST,
                form: ["ref": fourth, "number": "4", "text": " "])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.contains("任务内容不能为空"))
            #expect(try await ImportDraft.find(draftID, on: app.db)?.taskEdits.isEmpty == true)
            // act: correct task 4, leave out task 3
            let saved = try await app.page(
                SiteURL.importTask(draftID, fourth).path, method: .POST,
                form: [
                    "ref": fourth, "number": "4", "text": "开展全民健身活动100场次。", "section": "0",
                    "leaders": "孙丽", "lead": "区文化和旅游局、体育局", "responsible": "各街道办事处",
                    "deadline": "2026年12月",
                ])
            #expect(saved.status == .seeOther)
            #expect(saved.location?.hasPrefix(SiteURL.importDraft(draftID).path + "?saved=2#t-0-") == true)
            _ = try await app.page(
                SiteURL.importTask(draftID, third).path, method: .POST,
                form: ["ref": third, "number": "3", "text": "建设数字乡村试点。", "excluded": "1"])
            // assert: the preview marks both and counts three tasks
            let preview = try await app.page(SiteURL.importDraft(draftID).path + "?saved=2")
            #expect(preview.html.contains("任务修改已保存"))
            #expect(preview.html.contains("开展全民健身活动100场次。") && preview.html.contains("区体育局"))
            #expect(preview.html.contains("class=\"is-excluded\"") && preview.html.contains("class=\"is-edited\""))
            #expect(!preview.html.contains("新建单位“区农业农村局”"), "the left-out task's unit is no longer mapped")
            // act: map and publish
            try await app.mapEveryNameAsNew(draftID)
            _ = try await app.page(SiteURL.importDraft(draftID).path)
            let published = try await app.page(
                SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            #expect(published.status == .seeOther)
            // assert
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$year == 2026).first())
            let tasks = try await TaskRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID())
                .with(\.$assignments) { $0.with(\.$unit) }.with(\.$leaderLinks) { $0.with(\.$leader) }.sort(\.$position)
                .all()
            #expect(tasks.map(\.number) == ["1", "2", "4"])
            let corrected = try #require(tasks.last)
            #expect(corrected.text == "开展全民健身活动100场次。" && corrected.deadline == "2026年12月")
            #expect(corrected.leaderLinks.map(\.leader.name) == ["孙丽"])
            let lead = corrected.assignments.filter { $0.role == .lead }.sorted { $0.position < $1.position }
            #expect(lead.map(\.unit.name) == ["区文化和旅游局", "区体育局"])
            #expect(corrected.assignments.filter { $0.role == .responsible }.map(\.unit.name) == ["各街道办事处"])
        }
    }

    @Test("Undoing a correction brings back the parsed reading", arguments: TestDatabase.available)
    func reset(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            _ = try await app.wizardUpload(Data(ImportWizardTests.text.utf8), fileName: "方案.txt")
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            let second = try Self.reference("2", in: draft)
            _ = try await app.page(SiteURL.importTask(draftID, second).path)
            _ = try await app.page(
                SiteURL.importTask(draftID, second).path, method: .POST,
                form: ["ref": second, "number": "2", "text": "新建养老服务综合体3个。"])
            #expect(try await ImportDraft.find(draftID, on: app.db)?.taskEdits.count == 1)
            // act
            _ = try await app.page(SiteURL.importTask(draftID, second).path)
            let reset = try await app.page(SiteURL.importTaskReset(draftID).path, method: .POST, form: ["ref": second])
            // assert
            #expect(reset.status == .seeOther)
            #expect(try await ImportDraft.find(draftID, on: app.db)?.taskEdits.isEmpty == true)
            let missing = try await app.page(SiteURL.importTask(draftID, "0/没有这一项").path)
            #expect(missing.status == .notFound && missing.html.contains("这份草稿中没有这项任务"))
        }
    }

    @Test(
        "A misspelt leader is suggested as the directory's leader, a variant as the file's more frequent name",
        arguments: TestDatabase.available)
    func leaderMapping(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let text = """
                2026年区民生实事责任分解方案
                1.新建社区食堂4个。(责任领导:王力新;牵头单位:区民政局)
                2.新增公共停车泊位2000个。(责任领导:周明;牵头单位:区交通运输局)
                3.改造老旧小区18个。(责任领导:周明;牵头单位:区交通运输局)
                4.新建口袋公园6个。(责任领导:周鸣;牵头单位:区交通运输局)
                5.新增学位1000个。(责任领导:孙丽;牵头单位:区民政局)
                """
            _ = try await app.wizardUpload(Data(text.utf8), fileName: "实事.txt", year: "2026")
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            let leadersBefore = try await Leader.query(on: app.db).count()
            let wang = try await sample.leader("王立新", on: app.db).requireID()
            // act
            let preview = try await app.page(SiteURL.importDraft(draftID).path)
            let rows = try await ImportWizard.leaderRows(
                ImportWizard.documents(of: draft).documents, governmentID: sample.governmentID, on: app.db)
            // assert: the matches
            #expect(rows.map(\.name) == ["王力新", "周明", "周鸣", "孙丽"])
            guard case .suggested(let candidates) = rows[0].match else {
                Issue.record("王力新 should be suggested as 王立新")
                return
            }
            #expect(candidates.first?.value == wang.uuidString)
            #expect(rows[1].match == .unknown)
            #expect(rows[2].match == .suggested([.init(value: "as:周明", label: "同文件中的“周明”")]))
            if case .exact = rows[3].match {} else { Issue.record("孙丽 is in the directory") }
            #expect(preview.html.contains("同文件中的“周明”"))
            let early = try await app.page(SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            #expect(early.status == .unprocessableEntity && early.html.contains("王力新"))
            // act: follow both suggestions
            _ = try await app.page(SiteURL.importDraft(draftID).path)
            _ = try await app.page(
                SiteURL.importMapping(draftID).path, method: .POST,
                form: ["leader-0": wang.uuidString, "leader-2": "as:周明"])
            _ = try await app.page(SiteURL.importDraft(draftID).path)
            let published = try await app.page(
                SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            // assert: one new leader (周明), 王力新 recorded as 王立新
            #expect(published.status == .seeOther)
            #expect(try await Leader.query(on: app.db).count() == leadersBefore + 1)
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$title == "2026年区民生实事责任分解方案").first())
            let links = try await TaskLeader.query(on: app.db).join(
                TaskRecord.self, on: \TaskLeader.$task.$id == \TaskRecord.$id
            )
            .filter(TaskRecord.self, \.$plan.$id == plan.requireID()).with(\.$leader).all()
            #expect(Set(links.map(\.leader.name)) == ["王立新", "周明", "孙丽"])
        }
    }

    @Test("A choice outside the offered suggestions is refused", arguments: TestDatabase.available)
    func foreignLeaderChoice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let text = "2026年区民生实事责任分解方案\n1.新建社区食堂4个。(责任领导:王力新;牵头单位:区民政局)\n"
            _ = try await app.wizardUpload(Data(text.utf8), fileName: "实事.txt")
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            // act / assert
            await #expect(throws: ImportWizardError.invalidChoice("王力新")) {
                try await ImportWizard.saveLeaderChoices(["王力新": UUID().uuidString], for: draft, on: app.db)
            }
        }
    }
}
