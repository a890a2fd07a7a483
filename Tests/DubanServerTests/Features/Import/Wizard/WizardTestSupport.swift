@testable import DubanServer
import Foundation
import Testing
import Vapor
import VaporTesting

/// The import wizard's upload form as a browser posts it: multipart, with the page's CSRF token.
struct WizardUpload: Content {
    var file: File
    var year: String?
    var revises: String?
    var _csrf: String
}

extension Application {
    /// Opens the upload form as `account`, then posts `data` as the file `fileName` through the real route.
    func wizardUpload(
        _ data: Data, fileName: String, year: String? = nil, revises: UUID? = nil,
        as account: SampleData.Account = .admin
    ) async throws -> RenderedPage {
        let browser = try await browser(signedInAs: account)
        let form = try await browser.request(SiteURL.importNew.path)
        let token = TestBrowser.csrfToken(in: form.html) ?? ""
        let cookie = browser.cookie
        let upload = WizardUpload(
            file: File(data: ByteBuffer(data: data), filename: fileName), year: year,
            revises: revises?.uuidString, _csrf: token)
        let response = try await testing().sendRequest(
            .POST, SiteURL.imports.path,
            beforeRequest: { request in
                if let cookie { request.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] }
                try request.content.encode(upload, as: .formData)
            })
        return RenderedPage(
            status: response.status, html: response.body.string, location: response.headers.first(name: .location))
    }

    /// Saves "新建" for every unit and leader name of the draft the directory does not resolve, as an
    /// administrator choosing "create" on each row would.
    func mapEveryNameAsNew(_ draftID: UUID) async throws {
        let draft = try #require(try await ImportDraft.find(draftID, on: db))
        let documents = ImportWizard.documents(of: draft).documents
        let rows = try await ImportWizard.unitRows(documents, governmentID: draft.$government.id, on: db)
        var mapping: [String: String] = [:]
        for (index, row) in rows.enumerated() where row.match.resolvedID == nil {
            mapping[ImportDraftPage.field(index)] = "new"
        }
        let leaders = try await ImportWizard.leaderRows(documents, governmentID: draft.$government.id, on: db)
        for index in leaders.indices { mapping["leader-\(index)"] = "new" }
        _ = try await page(SiteURL.importMapping(draftID).path, method: .POST, form: mapping)
    }
}

/// Where the seed plans live: ../shared/seeds beside the clone, when there is one.
enum WizardSeeds {
    static var folder: URL? { RepositoryPaths.shared("seeds") }
}
