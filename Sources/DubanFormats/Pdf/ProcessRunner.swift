import Foundation

/// The captured result of one finished child process.
struct ProcessOutput: Sendable {
    var status: Int32
    var standardOutput: Data
    var standardError: Data
}

/// Runs a child process and captures both output streams completely.
///
/// Standard error is drained on a background thread while standard output
/// is read here; reading them one after the other can deadlock once the
/// child fills the second pipe's buffer (large PDFs produce a lot of text,
/// damaged ones a lot of warnings).
enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it to exit.
    static func run(_ executable: URL, arguments: [String]) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let errorCollector = DataCollector()
        let group = DispatchGroup()
        let errorHandle = errorPipe.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            errorCollector.set(errorHandle.readDataToEndOfFile())
        }
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, standardOutput: output, standardError: errorCollector.value)
    }
}

/// A lock-protected buffer handing data from the reader thread back to the caller.
private final class DataCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        stored = data
    }
}
