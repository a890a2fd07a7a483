@testable import DubanServer
import Foundation
import Testing
import Vapor
import VaporTesting

/// A page number from the address bar is bounded before an offset is worked out from it: 3927687384915364864
/// (found by schemathesis) overflowed the offset and stopped the server.
@Suite("Page numbers")
struct PageNumberTests {
    static let huge = "3927687384915364864"

    @Test func hugePageNumbersAnswerInsteadOfCrashing() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await SampleData.create(on: app.db)
            let search = try await app.page("/search?q=%E5%85%BB%E8%80%81&page=\(Self.huge)", as: .viewer)
            #expect(search.status == .ok)
            let audit = try await app.page("/audit?page=\(Self.huge)", as: .admin)
            #expect(audit.status == .ok)
            let token = try await app.apiToken(for: .viewer)
            let api = try await app.api(.GET, "/search?q=a&page=\(Self.huge)", auth: .bearer(token))
            #expect(api.status == .badRequest && api.error?.message.contains("1000000") == true)
            let last = try await app.api(.GET, "/search?q=a&page=1000000", auth: .bearer(token))
            #expect(last.status == .ok)
        }
    }
}
