@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A draft's text is parsed once per request: the preview, its unit and leader rows and its corrections all
/// read the one parse kept on the draft instance.
@Suite("Draft parsing")
struct DraftParsingTests {
    @Test func oneDraftInstanceIsParsedOnce() async throws {
        try await withTestApp(.sqlite) { app in
            // setup: an uploaded draft, read back as one request reads it
            _ = try await SampleData.create(on: app.db)
            let upload = try await app.wizardUpload(Data(SampleData.mainText.utf8), fileName: "方案.txt")
            #expect(upload.status == .seeOther)
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            // act: the first part of the page parses; then the text changes under the instance
            let first = ImportWizard.documents(of: draft)
            draft.sourceText = "这不是方案。"
            let second = ImportWizard.documents(of: draft)
            let rows = try await ImportWizard.unitRows(second.documents, governmentID: draft.$government.id, on: app.db)
            // assert: every later part read the same parse
            #expect(first.documents.first?.tasks.count == 8)
            #expect(second.documents == first.documents)
            #expect(ImportWizard.parsedDocuments(of: draft).documents == first.documents)
            #expect(!rows.isEmpty)
            // and a fresh instance, as the next request has, reads the stored text again
            let fresh = try #require(try await ImportDraft.find(draft.requireID(), on: app.db))
            #expect(ImportWizard.documents(of: fresh).documents == first.documents)
        }
    }
}
