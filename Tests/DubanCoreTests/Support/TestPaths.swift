import Foundation

/// Locations of test inputs, found from this file's own path so tests run from any working directory.
enum TestPaths {
    /// Tests/DubanCoreTests.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Our own fixture documents.
    static func fixture(_ name: String) -> URL { testsFolder.appendingPathComponent("Fixtures/\(name)") }

    /// The real plan documents in ../shared/seeds beside the clone; nil when the clone has none beside it.
    static var seedsFolder: URL? { sharedFolder("seeds") }

    /// A folder of ../shared beside the clone ("seeds", "corpus"); nil when the clone has none beside it.
    static func sharedFolder(_ name: String) -> URL? {
        let folder = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/\(name)")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        return folder
    }

    /// Expected results for the seeds, kept in the project.
    static func seedExpectation(_ seedName: String) -> URL {
        testsFolder.appendingPathComponent("SeedExpectations/\(seedName).tsv")
    }
}
