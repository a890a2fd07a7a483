@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing

/// Every real seed plan through the wizard's draft → publish path, "新建单位" chosen for every unknown name.
@Suite("Import wizard on the seeds", .enabled(if: WizardSeeds.folder != nil, "../shared/seeds is not beside the clone"))
struct ImportWizardSeedTests {
    /// Seed file prefix → task count of each plan it holds.
    static let expected: [(String, [Int])] = [
        ("000", [117]), ("001", [230]), ("002", [139]), ("003", [71]), ("004", [42, 148, 166]),
    ]

    @Test("Each seed ends in published plans with the right task counts", arguments: TestDatabase.available)
    func seeds(database: TestDatabase) async throws {
        let folder = try #require(WizardSeeds.folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        try await withTestApp(database) { app in
            // setup
            let governmentID = try await SampleData.createGovernment(on: app.db)
            let admin = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
            for (prefix, counts) in Self.expected {
                let name = try #require(files.first { $0.hasPrefix(prefix + "_") })
                let decoded = try DocumentReader.read(fileAt: folder.appendingPathComponent(name))
                let prepared = try DocumentImport.prepare(decoded, fileName: name, document: nil)
                // act
                let draft = try await ImportWizard.createDraft(
                    prepared, year: nil, governmentID: governmentID, userID: try admin.requireID(), on: app.db)
                let rows = try await ImportWizard.unitRows(
                    ImportWizard.documents(of: draft).documents, governmentID: governmentID, on: app.db)
                var choices: [String: String] = [:]
                for row in rows where row.match.resolvedID == nil { choices[row.name] = ImportDraft.newUnit }
                try await ImportWizard.saveChoices(choices, for: draft, on: app.db)
                let leaders = try await ImportWizard.leaderRows(
                    ImportWizard.documents(of: draft).documents, governmentID: governmentID, on: app.db)
                try await ImportWizard.saveLeaderChoices(
                    Dictionary(uniqueKeysWithValues: leaders.map { ($0.name, ImportDraft.newUnit) }), for: draft,
                    on: app.db)
                let plans = try await ImportWizard.publish(draft, actor: .system, requestID: nil, on: app.db)
                // assert
                var taskCounts: [Int] = []
                for plan in plans {
                    taskCounts.append(
                        try await TaskRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID()).count())
                }
                #expect(taskCounts == counts, "seed \(name)")
                #expect(draft.status == .published)
            }
        }
    }
}
