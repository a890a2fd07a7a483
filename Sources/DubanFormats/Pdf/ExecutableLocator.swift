import Foundation

/// Finds command-line tools on a PATH-style search list.
///
/// We look the tool up ourselves instead of running `/usr/bin/env` so that a
/// missing tool becomes a clear "install poppler-utils" message rather than
/// an opaque exit status.
enum ExecutableLocator {
    /// The PATH of the running process, or the usual system directories when unset.
    static var processSearchPath: String {
        ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// Returns the first executable called `name` in the ":"-separated `searchPath`.
    static func locate(_ name: String, searchPath: String) -> URL? {
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}
