@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// Mapping a draft's unit names: any unit of the directory can be picked for a name, the rest can be created
/// at once, and saving returns to the mapping.
@Suite("Import unit picker")
struct UnitPickerTests {
    static let text = """
        2026年区数字政府建设任务分解方案
        1.建成一网统管平台。(牵头单位:区数字办;责任单位:区网格中心)
        2.推进政务数据共享。(牵头单位:区数字办)
        """

    @Test(
        "A name is mapped to a unit picked from the whole directory; the rest are created",
        arguments: TestDatabase.available)
    func pickAndCreateTheRest(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            _ = try await app.wizardUpload(Data(Self.text.utf8), fileName: "数字政府.txt", year: "2026")
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            let target = try #require(
                try await Unit.query(on: app.db).filter(\.$government.$id == sample.governmentID).sort(\.$name).first())
            let rows = try await ImportWizard.unitRows(
                ImportWizard.documents(of: draft).documents, governmentID: draft.$government.id, on: app.db)
            let digital = try #require(rows.firstIndex { $0.name == "区数字办" })
            let grid = try #require(rows.firstIndex { $0.name == "区网格中心" })
            // assert: the page offers the picker over the directory
            let preview = try await app.page(SiteURL.importDraft(draftID).path)
            #expect(
                preview.html.contains("list=\"directory-units\"")
                    && preview.html.contains("<option value=\"\(target.name)\">"))
            // act: pick a directory unit for 区数字办, create the rest
            let saved = try await app.page(
                SiteURL.importMapping(draftID).path, method: .POST,
                form: [
                    ImportDraftPage.field(digital): ImportDraftPage.pickOption,
                    ImportDraftPage.field(digital) + "-pick": " \(target.name) ", "all_new": "1",
                ])
            // assert
            #expect(saved.status == .seeOther && saved.location?.hasSuffix("?saved=1#mapping") == true)
            let stored = try #require(try await ImportDraft.find(draftID, on: app.db))
            #expect(stored.unitChoices["区数字办"] == target.id?.uuidString)
            #expect(stored.unitChoices["区网格中心"] == ImportDraft.newUnit)
            let again = try await app.page(SiteURL.importDraft(draftID).path + "?saved=1")
            #expect(again.html.contains("value=\"\(target.name)\" placeholder"), "the picked unit shows in its field")
            // act: a name typed that the directory does not hold is not saved as a choice
            _ = try await app.page(
                SiteURL.importMapping(draftID).path, method: .POST,
                form: [
                    ImportDraftPage.field(grid): ImportDraftPage.pickOption,
                    ImportDraftPage.field(grid) + "-pick": "没有这个单位",
                ])
            #expect(try await ImportDraft.find(draftID, on: app.db)?.unitChoices["区网格中心"] == nil)
        }
    }
}
