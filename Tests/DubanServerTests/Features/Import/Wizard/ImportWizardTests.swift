@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The web import wizard: upload → draft → preview → unit mapping → publish, through the real routes.
@Suite("Import wizard")
struct ImportWizardTests {
    /// A plan with a unit known by abbreviation, one nearly known, one unknown, and a task naming no unit.
    static let text = """
        2026年区《政府工作报告》重点工作责任分解方案
        一、重点工作
        1.新建5G基站300个，实现城区全覆盖。(责任领导:王立新;牵头单位:区科经局;责任单位:区财政厅)
        2.新建养老服务综合体2个。(责任领导:赵国强;牵头单位:区民政局;完成时限:2026年10月)
        3.建设数字乡村试点。(牵头单位:区农业农村局)
        4.开展全民健身活动。
        """

    @Test(
        "Upload, preview, map a suggestion and publish: the plan has its tasks and the alias is kept",
        arguments: TestDatabase.available)
    func wholeWizard(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let plansBefore = try await Plan.query(on: app.db).count()
            // act: upload
            let uploaded = try await app.wizardUpload(Data(Self.text.utf8), fileName: "方案.txt", year: "2026")
            // assert: a draft, and its preview
            #expect(uploaded.status == .seeOther)
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            #expect(uploaded.location == SiteURL.importDraft(draftID).path)
            #expect(draft.status == .draft && draft.year == 2026 && draft.format == "text")
            let preview = try await app.page(SiteURL.importDraft(draftID).path)
            #expect(preview.status == .ok)
            #expect(preview.html.contains("2026年区《政府工作报告》重点工作责任分解方案"))
            #expect(preview.html.contains("建设数字乡村试点"))
            #expect(preview.html.contains("第 6 行：任务 4 未写明责任单位"))
            #expect(preview.html.contains("区财政局"))
            #expect(preview.html.contains("新建单位“区农业农村局”"))
            // act: refuse to publish before choosing, then choose the suggestion and publish
            let early = try await app.page(SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            #expect(early.status == .unprocessableEntity)
            #expect(early.html.contains("区财政厅"))
            let rows = try await ImportWizard.unitRows(
                ImportWizard.documents(of: draft).documents, governmentID: sample.governmentID, on: app.db)
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            var form: [String: String] = [:]
            for (index, row) in rows.enumerated() where row.match.resolvedID == nil {
                form[ImportDraftPage.field(index)] = row.name == "区财政厅" ? finance.uuidString : "new"
            }
            let saved = try await app.page(SiteURL.importMapping(draftID).path, method: .POST, form: form)
            #expect(saved.location == SiteURL.importDraftSaved(draftID).path)
            _ = try await app.page(SiteURL.importDraft(draftID).path)
            let published = try await app.page(
                SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            // assert
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$year == 2026).first())
            #expect(published.location == SiteURL.plan(try plan.requireID()).path)
            #expect(try await Plan.query(on: app.db).count() == plansBefore + 1)
            #expect(try await TaskRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID()).count() == 4)
            let alias = try await UnitAlias.query(on: app.db).filter(\.$alias == "区财政厅").first()
            #expect(alias?.$unit.id == finance)
            let aliasEvent = try await AuditEvent.query(on: app.db).filter(\.$action == "unit.alias").first()
            #expect(aliasEvent?.entityID == finance && aliasEvent?.actorName == "测试督查室管理员（admin）")
            #expect(try await DubanServer.Unit.query(on: app.db).filter(\.$name == "区财政厅").count() == 0)
            #expect(try await DubanServer.Unit.query(on: app.db).filter(\.$name == "区农业农村局").count() == 1)
            #expect(try await ImportDraft.find(draftID, on: app.db)?.status == .published)
            // act / assert: a second publish is refused
            _ = try await app.page(SiteURL.importDraft(draftID).path)
            let again = try await app.page(SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            #expect(again.status == .conflict)
            #expect(again.html.contains("已经发布"))
            #expect(try await Plan.query(on: app.db).count() == plansBefore + 1)
        }
    }

    @Test(
        "A Word file built with DocxWriter goes through the upload route into a draft",
        arguments: TestDatabase.available)
    func docxUpload(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let docx = try DocxWriter.data(blocks: Self.text.split(separator: "\n").map { .paragraph(String($0)) })
            // act
            let uploaded = try await app.wizardUpload(docx, fileName: "方案.docx")
            // assert
            #expect(uploaded.status == .seeOther)
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            #expect(draft.format == "docx" && draft.fileName == "方案.docx")
            let preview = try await app.page(SiteURL.importDraft(try draft.requireID()).path)
            #expect(preview.html.contains("开展全民健身活动"))
        }
    }

    @Test("Only the administrator reaches the wizard", arguments: TestDatabase.available)
    func othersForbidden(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            // act / assert
            for account in [SampleData.Account.clerk, .leader, .viewer] {
                #expect(try await app.page(SiteURL.importNew.path, as: account).status == .forbidden)
                let list = try await app.page(SiteURL.plans.path, as: account)
                #expect(!list.html.contains("导入方案"))
            }
            #expect(try await app.page(SiteURL.plans.path).html.contains(SiteURL.importNew.path))
            let upload = try await app.wizardUpload(Data(Self.text.utf8), fileName: "方案.txt", as: .clerk)
            #expect(upload.status == .forbidden)
            #expect(try await ImportDraft.query(on: app.db).count() == 0)
        }
    }

    @Test("A picture is refused with the Chinese reason and nothing is saved", arguments: TestDatabase.available)
    func pictureRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0, count: 64)
            // act: named like a text file, recognised by its content
            let answer = try await app.wizardUpload(png, fileName: "方案.txt")
            // assert
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.html.contains("是图片，无法读取其中的文字"))
            #expect(answer.html.contains("enctype=\"multipart/form-data\""))
            #expect(try await ImportDraft.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "A stale copy of a draft that was published meanwhile cannot publish it again",
        arguments: TestDatabase.available)
    func stalePublishRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let admin = try await sample.user(.admin, on: app.db)
            let decoded = try DocumentReader.read(data: Data(APIImportTests.knownText.utf8), fileName: "方案.txt")
            let prepared = try DocumentImport.prepare(decoded, fileName: "方案.txt", document: nil)
            let draft = try await ImportWizard.createDraft(
                prepared, year: 2026, governmentID: sample.governmentID, userID: try admin.requireID(), on: app.db)
            let stale = try #require(try await ImportDraft.find(draft.requireID(), on: app.db))
            let plansBefore = try await Plan.query(on: app.db).count()
            // act
            _ = try await ImportWizard.publish(draft, actor: .system, requestID: nil, on: app.db)
            // assert
            await #expect(throws: ImportWizardError.alreadyPublished) {
                try await ImportWizard.publish(stale, actor: .system, requestID: nil, on: app.db)
            }
            #expect(try await Plan.query(on: app.db).count() == plansBefore + 1)
        }
    }

    @Test("Two drafts of one document published at once make one plan", arguments: TestDatabase.available)
    func twoDraftsAtOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the same file uploaded twice
            let sample = try await SampleData.create(on: app.db)
            let admin = try await sample.user(.admin, on: app.db)
            let decoded = try DocumentReader.read(data: Data(APIImportTests.knownText.utf8), fileName: "方案.txt")
            let prepared = try DocumentImport.prepare(decoded, fileName: "方案.txt", document: nil)
            var drafts: [ImportDraft] = []
            for _ in 0..<2 {
                drafts.append(
                    try await ImportWizard.createDraft(
                        prepared, year: 2026, governmentID: sample.governmentID, userID: try admin.requireID(),
                        on: app.db))
            }
            let plansBefore = try await Plan.query(on: app.db).count()
            let db = app.db
            let ready = drafts
            // act: 发布 on both at the same moment
            let refusals = await withTaskGroup(of: String?.self) { group in
                for draft in ready {
                    group.addTask {
                        do {
                            _ = try await ImportWizard.publish(draft, actor: .system, requestID: nil, on: db)
                            return nil
                        } catch {
                            return String(describing: error)
                        }
                    }
                }
                return await group.reduce(into: [String]()) { if let refusal = $1 { $0.append(refusal) } }
            }
            // assert: one plan; the other draft is refused as a duplicate
            #expect(try await Plan.query(on: app.db).count() == plansBefore + 1)
            #expect(refusals.count == 1 && refusals.first?.contains("duplicatePlan") == true, "\(refusals)")
        }
    }
}
