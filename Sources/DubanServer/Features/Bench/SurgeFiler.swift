import DubanCore
import Foundation
import Vapor

/// One clerk of a surge, through the site as a browser goes: signs in with the login form, opens the task's
/// reporting page for its form token, and posts the report form with an evidence file. Also the 督查室's
/// review form, which the crash test posts while clerks file.
struct SurgeFiler: Sendable {
    let client: any Client
    let base: String
    let cookie: HTTPCookies.Value

    /// Signs in as `username`; throws when the login form does not answer with a session.
    static func signIn(client: any Client, base: String, username: String, password: String) async throws -> Self {
        var web = WebBenchClient(client: client, base: base)
        try await web.signIn(username: username, password: password)
        guard let cookie = web.sessionCookie else { throw WebBenchError.signInFailed("no session cookie") }
        return Self(client: client, base: base, cookie: cookie)
    }

    /// The report form as the browser posts it (multipart, for the file).
    private struct ReportUpload: Content {
        var period: String
        var status = "on_schedule"
        var narrative: String
        var files: [File]
        var _csrf: String
    }

    /// What one filing answered: the HTTP status, or the transport error.
    enum Answer: Sendable, Equatable {
        case status(UInt)
        case failed(String)

        /// A report form is filed when the server redirects back to the task page.
        var isFiled: Bool { self == .status(303) }
    }

    /// Opens the task's reporting page and files the report form with `narrative` and one evidence file.
    func fileReport(task: UUID, period: String, narrative: String, evidence: Data, fileName: String) async -> Answer {
        do {
            let token = try await formToken(SiteURL.taskReporting(task).path)
            let form = ReportUpload(
                period: period, narrative: narrative,
                files: [File(data: ByteBuffer(data: evidence), filename: fileName)], _csrf: token)
            let response = try await client.post(URI(string: base + SiteURL.taskReports(task).path)) { request in
                request.headers.cookie = [AccountSettings.cookieName: cookie]
                try request.content.encode(form, as: .formData)
            }
            return .status(response.status.code)
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// The review form, from a 督查室 account: returns (or accepts) a report.
    func review(report: UUID, task: UUID, accept: Bool, comment: String) async -> Answer {
        do {
            let token = try await formToken(SiteURL.taskReporting(task).path)
            let response = try await client.post(URI(string: base + SiteURL.reportReview(report).path)) { request in
                request.headers.cookie = [AccountSettings.cookieName: cookie]
                try request.content.encode(
                    ["decision": accept ? "accept" : "return", "comment": comment, "_csrf": token], as: .urlEncodedForm)
            }
            return .status(response.status.code)
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// GETs a page and answers its status and size; for the office's reads during a surge.
    func read(_ path: String) async -> Result<Int, SurgeReadFailure> {
        do {
            let response = try await client.get(URI(string: base + path)) { request in
                request.headers.cookie = [AccountSettings.cookieName: cookie]
            }
            guard response.status == .ok else {
                return .failure(SurgeReadFailure("\(path): HTTP \(response.status.code)"))
            }
            return .success(response.body?.readableBytes ?? 0)
        } catch {
            return .failure(SurgeReadFailure("\(path): \(error)"))
        }
    }

    /// The `_csrf` value of a signed-in page's forms.
    private func formToken(_ path: String) async throws -> String {
        let page = try await client.get(URI(string: base + path)) { request in
            request.headers.cookie = [AccountSettings.cookieName: cookie]
        }
        guard page.status == .ok, let token = page.body.flatMap({ WebBenchClient.csrfToken(in: String(buffer: $0)) })
        else { throw SurgeError.noToken("\(path) (HTTP \(page.status.code))") }
        return token
    }

    /// A PDF-looking evidence file of `bytes` bytes, different for every `seed` (so its SHA-256 proves which
    /// filing's bytes were stored), made by repeating a fixed block rather than drawing a million random numbers.
    static func evidence(seed: Int, bytes: Int) -> Data {
        var data = Data("%PDF-1.4\n% 佐证材料 \(seed)\n".utf8)
        var block = [UInt8](repeating: 0, count: 4096)
        var random = SeededRandom(seed: UInt64(seed) &+ 7)
        for index in block.indices { block[index] = UInt8(truncatingIfNeeded: random.int(in: 0...255)) }
        while data.count < bytes { data.append(contentsOf: block.prefix(bytes - data.count)) }
        return data
    }

    /// The SHA-256 of bytes, hex, as `AttachmentBlob` keeps it.
    static func sha256(_ data: Data) -> String { EvidenceFile.sha256(of: data) }
}

/// A page the office could not read during a surge.
struct SurgeReadFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
