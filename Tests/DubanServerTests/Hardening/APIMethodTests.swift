@testable import DubanServer
import Foundation
import Testing
import Vapor
import VaporTesting

/// An API path asked with a method it does not take answers 405 with `Allow`, in the API's error shape; a path
/// that does not exist still answers 404.
@Suite("API methods")
struct APIMethodTests {
    @Test func undeclaredMethodsAnswer405() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let trace = try await app.api(.TRACE, "/plans", auth: .bearer(token))
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: .allow) == "GET")
            #expect(trace.error?.code == "method_not_allowed")
            let delete = try await app.api(.DELETE, "/users", auth: .bearer(token))
            #expect(delete.status == .methodNotAllowed && delete.headers.first(name: .allow) == "GET, POST")
            let getImports = try await app.api(.GET, "/imports", auth: .bearer(token))
            #expect(getImports.status == .methodNotAllowed && getImports.headers.first(name: .allow) == "POST")
            let missing = try await app.api(.GET, "/no-such-thing", auth: .bearer(token))
            #expect(missing.status == .notFound)
        }
    }
}
