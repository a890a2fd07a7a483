@testable import DubanServer
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

/// Stopping the server waits for the requests being answered. Vapor's own stop waits only for connections still
/// open: a client that gave up (wrk at the end of its run, a browser tab closed) leaves its handler running, and a
/// handler still reading the database or rendering a page when the application tears those down fails — or, for
/// a page, stops the process ("Views not configured").
@Suite("Draining on stop")
struct DrainTests {
    @Test("A handler whose client has gone still finishes before the application shuts down")
    func abandonedHandlerFinishes() async throws {
        // setup: a route that reads the database after a pause, on a real listening server
        let app = try await Application.make(.testing)
        try await configure(app, config: AppConfig(storage: .sqliteMemory, logLevel: .critical, passwordCost: 4))
        try await app.autoMigrate()
        let outcome = NIOLockedValueBox<String>("not finished")
        app.get("slow") { request async throws -> String in
            try await Task.sleep(for: .milliseconds(600))
            do {
                let count = try await Government.query(on: request.db).count()
                outcome.withLockedValue { $0 = "read \(count)" }
            } catch {
                outcome.withLockedValue { $0 = "failed: \(error)" }
            }
            return "done"
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(app.listeningPort)
        // act: the client gives up after 0.2 s, then the stop comes while the handler sleeps
        _ = try await RawHTTP.exchange(
            port: port, head: "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n", body: [], timeout: 0.2)
        #expect(app.inFlightRequests.current == 1)
        try await app.drainAndShutdown(timeout: .seconds(10))
        // assert
        #expect(outcome.withLockedValue { $0 } == "read 0")
        #expect(app.inFlightRequests.current == 0)
    }
}
