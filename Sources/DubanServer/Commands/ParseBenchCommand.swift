import ArgumentParser
import DubanCore
import DubanFormats
import Foundation

/// `duban bench parse [DIR]`: reads and parses every document in a folder repeatedly and reports the time per
/// pass over all of them. Target: the five seed plans in under 50 ms per pass in a release build.
struct ParseBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Time reading and parsing every document in a folder (default ../shared/seeds)."
    )

    @Argument(help: "Folder of plan documents.")
    var folder = "../shared/seeds"

    @Option(help: "Timed passes over all documents.")
    var iterations = 50

    func validate() throws {
        guard iterations > 0 else { throw ValidationError("--iterations must be at least 1") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("no folder at \(folder)")
        }
    }

    func run() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            .map { URL(fileURLWithPath: folder).appendingPathComponent($0) }
        guard !files.isEmpty else { throw ValidationError("\(folder) holds no documents") }
        var taskCount = 0
        var passes: [Double] = []
        for pass in 0...iterations {
            let started = DispatchTime.now().uptimeNanoseconds
            taskCount = 0
            for file in files {
                let decoded = try DocumentReader.read(fileAt: file)
                taskCount += await PlanParser.parseConcurrently(text: decoded.text).reduce(0) { $0 + $1.tasks.count }
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            if pass > 0 { passes.append(elapsed) }  // the first pass warms caches and is not counted
        }
        passes.sort()
        let median = passes[passes.count / 2]
        let p95 = passes[min(passes.count - 1, Int(Double(passes.count) * 0.95))]
        print("documents: \(files.count), tasks: \(taskCount), passes: \(passes.count)")
        print(
            String(
                format: "per pass (read + parse all): min %.2f ms, median %.2f ms, p95 %.2f ms", passes[0], median, p95)
        )
    }
}
