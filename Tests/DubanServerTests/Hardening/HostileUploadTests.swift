@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Files made to break the server, through each entrance that takes a plan: the server answers with a clear
/// refusal, creates nothing, and goes on serving.
@Suite("Hostile uploads")
struct HostileUploadTests {
    @Test(
        "A .docx pointing past its end is refused by the API and the wizard, and the server keeps serving",
        arguments: TestDatabase.available)
    func hostileWordFile(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let data = try Data(contentsOf: HostileFiles.localHeaderPastEnd)
            let plansBefore = try await Plan.query(on: app.db).count()
            // act: the API
            let api = try await app.api(
                .POST, "/imports?fileName=plan.docx", auth: .bearer(token), body: data, contentType: .binary)
            // assert
            #expect(api.status == .unprocessableEntity)
            #expect(api.error?.code == "unsupported_file")
            #expect(api.error?.message.contains("不是有效的 Word 文档") == true)
            // act: the wizard
            let page = try await app.wizardUpload(data, fileName: "plan.docx")
            #expect(page.status == .unprocessableEntity)
            #expect(page.html.contains("不是有效的 Word 文档"))
            // assert: nothing was created, and the server still answers
            #expect(try await Plan.query(on: app.db).count() == plansBefore)
            #expect(try await ImportDraft.query(on: app.db).count() == 0)
            let plans = try await app.api(.GET, "/plans", auth: .bearer(token))
            #expect(plans.status == .ok)
        }
    }

    @Test(
        "An import of more tasks than one import may create is refused with the limit and creates nothing",
        arguments: TestDatabase.available)
    func tooManyTasks(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let data = HostileFiles.plan(tasks: ParseLimits.standard.maximumTasks + 1)
            let (plansBefore, tasksBefore) = (
                try await Plan.query(on: app.db).count(), try await TaskRecord.query(on: app.db).count()
            )
            // act
            let api = try await app.api(
                .POST, "/imports?fileName=huge.txt&createUnits=true", auth: .bearer(token), body: data,
                contentType: .plainText)
            let page = try await app.wizardUpload(data, fileName: "huge.txt")
            // assert
            #expect(api.status == .unprocessableEntity)
            #expect(api.error?.message == PlanParseError.tooManyTasks(limit: 5_000).chineseMessage)
            #expect(
                page.status == .unprocessableEntity && page.html.contains("超出一次导入的上限"),
                "\(page.status) \(page.html.prefix(3000))")
            #expect(try await Plan.query(on: app.db).count() == plansBefore)
            #expect(try await TaskRecord.query(on: app.db).count() == tasksBefore)
        }
    }
}
