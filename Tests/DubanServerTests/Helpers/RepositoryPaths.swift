import Foundation

/// Places in the clone, found from this file by walking up to `Package.swift`, so a test file may move
/// between folders without its paths breaking.
enum RepositoryPaths {
    /// The clone's root folder.
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// `../shared` beside the clone, when it is there (a user's clone has none).
    static func shared(_ name: String) -> URL? {
        let folder = root.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        return folder
    }
}
