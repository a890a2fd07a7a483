import DubanFuzzing
import Foundation

/// Runs saved inputs through `ReaderExercise` and prints each outcome: how a crash the fuzzer saved is looked at
/// again, and how a regression fixture is checked by hand.
enum FuzzReplay {
    /// The exit status: 0 when every input held, 1 when any broke a promise.
    static func run(paths: [String]) throws -> Int32 {
        var broken = 0
        for file in try files(at: paths) {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            do {
                print("\(file): \(try ReaderExercise.run(data))")
            } catch {
                broken += 1
                print("\(file): BROKEN — \(error.description)")
            }
        }
        return broken == 0 ? 0 : 1
    }

    /// The files named, with the files directly inside the folders named, sorted.
    private static func files(at paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw FuzzToolError("no such file or folder: \(path)")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            files += names.filter { !$0.hasPrefix(".") }.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}

/// A usage mistake, told in one line.
struct FuzzToolError: LocalizedError {
    let errorDescription: String?
    init(_ message: String) { errorDescription = message }
}
