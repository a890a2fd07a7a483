@testable import DubanServer
import Foundation
import Testing
import Vapor
import VaporTesting

/// Bodies larger than their route accepts are refused with 413 from the Content-Length, before the server
/// reads them: forms (the login form of an anonymous visitor above all) are small, only upload routes large.
@Suite("Body limits")
struct BodyLimitTests {
    /// Starts the app on a free port, runs `body` with the port and the session cookie of a visitor who
    /// opened the login page (so the CSRF check would otherwise read the body), and stops the server.
    func withServer(_ body: (Int, String) async throws -> Void) async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await SampleData.create(on: app.db)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            do {
                let port = try #require(app.listeningPort)
                let login = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/login"))
                let cookie = login.headers.setCookie?.all.map { "\($0.key)=\($0.value.string)" }.joined(separator: "; ")
                try await body(port, cookie ?? "")
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    static func head(_ path: String, length: Int, type: String, cookie: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(type)\r\nContent-Length: \(length)\r\n"
            + "Cookie: \(cookie)\r\n\r\n"
    }

    @Test("A 100 MB post to the login form is refused at once, having sent 64 KB of it")
    func loginFormIsSmall() async throws {
        try await withServer { port, cookie in
            let head = Self.head(
                "/login", length: 100 * 1024 * 1024, type: "application/x-www-form-urlencoded", cookie: cookie)
            let answer = try await RawHTTP.exchange(
                port: port, head: head, body: Array(repeating: 0x61, count: 64 * 1024))
            #expect(answer?.hasPrefix("HTTP/1.1 413") == true, "answered \(answer ?? "nothing")")
        }
    }

    @Test("A 25 MB plan upload is refused at once, before its body is read")
    func importUploadIsRefusedFromItsLength() async throws {
        try await withServer { port, cookie in
            let head = Self.head(
                "/imports", length: 25 * 1024 * 1024, type: "multipart/form-data; boundary=x", cookie: cookie)
            let answer = try await RawHTTP.exchange(port: port, head: head, body: Array(repeating: 0x61, count: 1024))
            #expect(answer?.hasPrefix("HTTP/1.1 413") == true, "answered \(answer ?? "nothing")")
        }
    }

    @Test("A report upload beyond ten files of 10 MB is refused at once")
    func reportUploadIsRefusedFromItsLength() async throws {
        try await withServer { port, cookie in
            let head = Self.head(
                "/tasks/\(UUID().uuidString.lowercased())/reports", length: 200 * 1024 * 1024,
                type: "multipart/form-data; boundary=x", cookie: cookie)
            let answer = try await RawHTTP.exchange(port: port, head: head, body: Array(repeating: 0x61, count: 1024))
            #expect(answer?.hasPrefix("HTTP/1.1 413") == true, "answered \(answer ?? "nothing")")
        }
    }

    @Test("A form body over the form limit is refused with the limit in Chinese, inside the site's page")
    func oversizedFormAnswersInChinese() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await SampleData.create(on: app.db)
            let browser = try await app.browser(signedInAs: .admin)
            let big = String(repeating: "很", count: 100_000)
            let page = try await browser.request(SiteURL.accountPassword.path, method: .POST, form: ["current": big])
            #expect(page.status == .payloadTooLarge)
            #expect(page.html.contains("超过了大小上限（256 KB）"))
        }
    }

    @Test("The API answers an oversized body with its error shape and the route's own limit")
    func apiBodyLimit() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let response = try await app.api(
                .POST, "/users", auth: .bearer(token), body: Data(repeating: 0x20, count: 300 * 1024),
                contentType: .json)
            #expect(response.status == .payloadTooLarge)
            #expect(response.error?.message.contains("256 KB") == true)
        }
    }
}
