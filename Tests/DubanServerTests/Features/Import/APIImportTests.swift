@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// `POST /api/v1/imports`: text and Word uploads become plans under `duban import`'s rules, in one transaction
/// with their audit entries; unknown units, unreadable files and other roles are refused with nothing imported.
@Suite("API import")
struct APIImportTests {
    static let fileName = "青政办〔2026〕2号.txt"
    /// A small plan naming only units and leaders the sample directory knows (one by its abbreviation).
    static let knownText = """
        2026年区《政府工作报告》重点工作责任分解方案
        一、重点工作
        1.新建5G基站300个，实现城区全覆盖。(责任领导:王立新;牵头单位:区科经局;责任单位:区财政局)
        2.新建养老服务综合体2个。(责任领导:赵国强;牵头单位:区民政局;完成时限:2026年10月)
        """
    /// The same with a unit nobody has heard of and one that is nearly a known one.
    static let unknownText =
        knownText + """

            3.建设数字乡村试点。(责任领导:王立新;牵头单位:区农业农村局;责任单位:区财政厅)
            """

    /// The multipart form of an upload.
    struct Upload: Encodable, Sendable {
        var file: File
        var year: String?
        var createUnits: String?
    }

    @Test("A text plan sent as the raw body is imported and audited", arguments: TestDatabase.available)
    func importText(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let name = Self.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            // act
            let response = try await app.api(
                .POST, "/imports?year=2026&fileName=\(name)", auth: .bearer(token), body: Data(Self.knownText.utf8),
                contentType: .plainText)
            // assert
            #expect(response.status == .created)
            #expect(try response.schemaProblems("ImportResult") == [])
            let result = try response.decode(ImportResultDTO.self)
            let imported = try #require(result.plans.first)
            #expect(result.plans.count == 1 && result.createdUnits == [])
            #expect(imported.year == 2026 && imported.taskCount == 2)
            let plan = try #require(try await Plan.find(imported.id, on: app.db))
            #expect(plan.$government.id == sample.governmentID)
            #expect(try await TaskRecord.query(on: app.db).filter(\.$plan.$id == imported.id).count() == 2)
            let source = try await PlanSource.query(on: app.db).filter(\.$plan.$id == imported.id).first()
            #expect(source?.fileName == Self.fileName)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityID == imported.id).all()
            #expect(audit.map(\.action) == ["plan.import"])
            #expect(audit.first?.actorName == "测试督查室管理员（admin）")
            #expect(audit.first?.requestID?.isEmpty == false)
            let tasks = try await app.api(.GET, "/plans/\(imported.id)/tasks", auth: .bearer(token))
            let first = try #require(try tasks.decode(PageDTO<TaskSummaryDTO>.self).items.first)
            #expect(first.roles.first?.units.map(\.name) == ["区科学技术和经济信息化局"])
        }
    }

    @Test("A Word file built with DocxWriter is imported from a multipart form", arguments: TestDatabase.available)
    func importDocx(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let lines = Self.knownText.split(separator: "\n").map { DocxBlock.paragraph(String($0)) }
            let docx = try DocxWriter.data(blocks: lines)
            let upload = Upload(file: File(data: ByteBuffer(data: docx), filename: "方案.docx"), year: "2026")
            // act
            let response = try await app.api(.POST, "/imports", auth: .bearer(token), multipart: upload)
            // assert
            #expect(response.status == .created)
            let result = try response.decode(ImportResultDTO.self)
            let imported = try #require(result.plans.first)
            #expect(imported.taskCount == 2 && imported.title == "2026年区《政府工作报告》重点工作责任分解方案")
            let source = try await PlanSource.query(on: app.db).filter(\.$plan.$id == imported.id).first()
            #expect(source?.format == "docx" && source?.fileName == "方案.docx")
        }
    }

    @Test(
        "Unknown units are refused with suggestions and nothing imported, unless createUnits",
        arguments: TestDatabase.available)
    func unknownUnits(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let planCount = try await Plan.query(on: app.db).count()
            let file = File(data: ByteBuffer(string: Self.unknownText), filename: "plan.txt")
            // act
            let refused = try await app.api(.POST, "/imports", auth: .bearer(token), multipart: Upload(file: file))
            let forced = try await app.api(
                .POST, "/imports", auth: .bearer(token), multipart: Upload(file: file, createUnits: "true"))
            // assert
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.error?.code == "unknown_units")
            #expect(try refused.schemaProblems("Error") == [])
            let units = try #require(try refused.decode(ErrorBody.self).error.unknownUnits)
            #expect(units.map(\.name) == ["区农业农村局", "区财政厅"])
            #expect(units.last?.suggestions.first?.name == "区财政局")
            #expect(forced.status == .created)
            #expect(try forced.decode(ImportResultDTO.self).createdUnits == ["区农业农村局", "区财政厅"])
            #expect(try await Plan.query(on: app.db).count() == planCount + 1)
            #expect(try await DubanServer.Unit.query(on: app.db).filter(\.$name == "区财政厅").count() == 1)
        }
    }

    @Test("Unreadable, empty, oversized and non-plan uploads are refused in JSON", arguments: TestDatabase.available)
    func badUploads(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64))
            let tooLarge = Data(repeating: 0x41, count: APIImportController.maxUploadMegabytes * 1024 * 1024 + 1)
            let cases: [(String, Data, String, HTTPResponseStatus, String)] = [
                ("png", png, "", .unsupportedMediaType, "unsupported_file"),
                ("empty", Data(), "", .badRequest, "invalid_request"),
                ("not a plan", Data("会议纪要\n今天开会。".utf8), "", .unprocessableEntity, "unsupported_file"),
                ("bad year", Data(Self.knownText.utf8), "?year=20x6", .badRequest, "invalid_request"),
                ("bad document", Data(Self.knownText.utf8), "?document=2", .badRequest, "invalid_request"),
                ("too large", tooLarge, "", .payloadTooLarge, "invalid_request"),
            ]
            // act, assert
            for (label, data, query, status, code) in cases {
                let response = try await app.api(
                    .POST, "/imports" + query, auth: .bearer(token), body: data, contentType: .binary)
                #expect(response.status == status, "\(label)")
                #expect(response.error?.code == code, "\(label)")
                #expect(response.error?.message.isEmpty == false, "\(label)")
            }
            #expect(try await Plan.query(on: app.db).count() == 2)
        }
    }

    @Test("Only the administrator imports", arguments: TestDatabase.available)
    func onlyAdmin(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            for account in [SampleData.Account.clerk, .leader, .viewer] {
                let token = try await app.apiToken(for: account)
                // act
                let response = try await app.api(
                    .POST, "/imports", auth: .bearer(token), body: Data(Self.knownText.utf8), contentType: .plainText)
                // assert
                #expect(response.status == .forbidden && response.error?.code == "forbidden", "\(account)")
            }
            #expect(try await Plan.query(on: app.db).count() == 2)
        }
    }
}
