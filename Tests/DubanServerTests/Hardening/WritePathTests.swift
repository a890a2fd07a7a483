import Foundation
import Testing

/// Every write transaction goes through `Database.writeTransaction`: a deferred Fluent transaction on SQLite
/// fails under concurrent use (see `ConcurrentFilingTests`), so one written directly is a latent fault.
@Suite("Write path")
struct WritePathTests {
    @Test func noServiceOpensAFluentTransactionDirectly() throws {
        let sources = RepositoryPaths.root.appendingPathComponent("Sources/DubanServer")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var offenders: [String] = []
        var scanned = 0
        for case let url as URL in files where url.pathExtension == "swift" {
            guard url.lastPathComponent != "WriteTransaction.swift" else { continue }
            scanned += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.contains(".transaction {") || text.contains(".transaction({") {
                offenders.append(url.lastPathComponent)
            }
        }
        #expect(scanned > 100)
        #expect(offenders == [])
    }
}
