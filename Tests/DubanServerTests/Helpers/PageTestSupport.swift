@testable import DubanServer
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// A rendered page: status and HTML.
struct RenderedPage {
    var status: HTTPResponseStatus
    var html: String
    var location: String?
    /// The body's bytes and type, for answers that are files (a workbook, an export).
    var data = Data()
    var contentType: String?
    /// The page cache's word on the answer (`PageCacheMiddleware.header`): "hit", "stored", or nil.
    var cache: String? = nil

    /// How often `text` occurs in the HTML, for counts that a plain `contains` cannot check.
    func occurrences(of text: String) -> Int { html.components(separatedBy: text).count - 1 }
}

extension Application {
    /// Requests `path` (with its query) from the running app as a browser signed in with a sample account
    /// (the administrator unless said otherwise) would; forms carry the page's CSRF token.
    func page(
        _ path: String, method: HTTPMethod = .GET, form: [String: String]? = nil,
        as account: SampleData.Account = .admin
    ) async throws -> RenderedPage {
        try await browser(signedInAs: account).request(path, method: method, form: form)
    }

    /// A browser signed in with a sample account, kept for the app's lifetime so each test signs in once.
    func browser(signedInAs account: SampleData.Account) async throws -> TestBrowser {
        if let browser = storage[SignedInBrowsers.self]?.browsers.withLockedValue({ $0[account] }) {
            return browser
        }
        let browser = TestBrowser(self)
        let answer = try await browser.signIn(account.rawValue)
        try #require(answer.status == .seeOther, "signing in as \(account.rawValue) answered \(answer.status)")
        let cache = storage[SignedInBrowsers.self] ?? SignedInBrowsers()
        storage[SignedInBrowsers.self] = cache
        cache.browsers.withLockedValue { $0[account] = browser }
        return browser
    }
}

/// The signed-in browsers of a test app, by account.
private final class SignedInBrowsers: StorageKey, Sendable {
    typealias Value = SignedInBrowsers
    let browsers = NIOLockedValueBox<[SampleData.Account: TestBrowser]>([:])
}
