@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A filing POST authorizes and files from a small lookup: it reads no more queries than the reporting page and
/// none of the page's own (the contacts of whom to call, the leaders' instructions). Counted by
/// `QueryCountingMiddleware`; on PostgreSQL the count includes the filing's transaction.
@Suite("Filing queries")
struct FilingQueriesTests {
    static func reads(_ response: TestingHTTPResponse) -> Int {
        Int(response.headers.first(name: QueryCountingMiddleware.readsHeader) ?? "") ?? -1
    }

    static func tables(_ response: TestingHTTPResponse) -> Set<String> {
        Set(
            (response.headers.first(name: QueryCountingMiddleware.tablesHeader) ?? "").split(separator: ",").map(
                String.init))
    }

    @Test("Filing a report or a work plan does not build the reporting page", arguments: TestDatabase.available)
    func filingDoesNotBuildThePage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 2025-04-10, the clerk of 区财政局 on the task it leads
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(Date(timeIntervalSince1970: 1_744_243_200)))
            // The page's reads are counted: shown a second time unchanged, it would come from the page cache.
            app.pageCache?.isEnabled = false
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let browser = try await app.browser(signedInAs: .clerk)
            let cookie = try #require(browser.cookie)
            let page = try await browser.request(SiteURL.taskReporting(task).path)
            let token = TestBrowser.csrfToken(in: page.html) ?? ""
            func send(_ method: HTTPMethod, _ path: String, form: ReportUpload? = nil, fields: [String: String]? = nil)
                async throws -> TestingHTTPResponse
            {
                try await app.testing().sendRequest(
                    method, path,
                    beforeRequest: { request in
                        request.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)]
                        if let form { try request.content.encode(form, as: .formData) }
                        if let fields { try request.content.encode(fields, as: .urlEncodedForm) }
                    })
            }
            // act
            let shown = try await send(.GET, SiteURL.taskReporting(task).path)
            let upload = ReportUpload(
                period: "2025-Q1", status: "on_schedule", narrative: "已梳理政策清单86项，兑现资金3200万元。", reason: "",
                actuals: ["3,200"], keep: [], files: [], _csrf: token)
            let filed = try await send(.POST, SiteURL.taskReports(task).path, form: upload)
            let plan = try await send(
                .POST, SiteURL.taskWorkPlans(task).path,
                fields: [
                    "_csrf": token, "content-0": "梳理涉企政策清单", "month-0": "3", "leader-0": "", "department-0": "预算科",
                ])
            // assert
            #expect(filed.status == .seeOther && plan.status == .seeOther)
            let pageReads = Self.reads(shown)
            #expect(Self.tables(shown).isSuperset(of: ["unit_contacts", "instructions"]))
            for (name, response) in [("report", filed), ("work plan", plan)] {
                #expect(
                    Self.reads(response) > 0 && Self.reads(response) <= pageReads,
                    "\(name): \(Self.reads(response)) vs \(pageReads)")
                #expect(!Self.tables(response).contains("unit_contacts"), "\(name) read the page's contacts")
                #expect(!Self.tables(response).contains("instructions"), "\(name) read the page's instructions")
                #expect(Self.tables(response).contains("tasks"))
            }
        }
    }
}
