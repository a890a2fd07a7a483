import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The captured result of one finished child process.
struct ProcessOutput: Sendable {
    var status: Int32
    var standardOutput: Data
    var standardError: Data
    /// Why the child was stopped before it finished on its own; nil when it did.
    var stopped: ChildLimits.Reason?
}

/// What a child process may take: a hostile or broken PDF can make `pdftotext` run for minutes, print without
/// end or eat the machine's memory, while the server answers other people from the same machine.
public struct ChildLimits: Sendable, Equatable {
    /// Why a child was stopped.
    public enum Reason: Sendable, Equatable {
        case timedOut
        case outputTooLarge
    }

    /// Wall-clock seconds before the child is killed.
    public var seconds: Double
    /// Bytes of standard output kept; the child is killed when it writes more.
    public var outputBytes: Int
    /// Address space of the child, in bytes (the shell's `ulimit -v`): an allocation beyond it fails in the
    /// child, which then exits with an error.
    public var memoryBytes: Int

    public init(seconds: Double = 60, outputBytes: Int = 64 * 1024 * 1024, memoryBytes: Int = 1024 * 1024 * 1024) {
        self.seconds = seconds
        self.outputBytes = outputBytes
        self.memoryBytes = memoryBytes
    }

    /// What every PDF read gets: a minute, 64 MB of text, 1 GB of memory.
    public static let standard = ChildLimits()
}

/// Runs a child process within `ChildLimits` and captures both output streams.
///
/// Standard error is drained on a background thread while standard output is read here; reading them one after
/// the other can deadlock once the child fills the second pipe's buffer (large PDFs produce a lot of text,
/// damaged ones a lot of warnings). The memory limit is set by starting the child through `/bin/sh` with
/// `ulimit -v`, which then `exec`s it, so the process killed on time-out is the child itself.
enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it to exit or be stopped.
    static func run(_ executable: URL, arguments: [String], limits: ChildLimits = .standard) throws -> ProcessOutput {
        let process = Process()
        let shell = URL(fileURLWithPath: "/bin/sh")
        if FileManager.default.isExecutableFile(atPath: shell.path) {
            process.executableURL = shell
            process.arguments =
                [
                    "-c", "ulimit -v \(max(1, limits.memoryBytes / 1024)) 2>/dev/null; exec \"$0\" \"$@\"",
                    executable.path,
                ]
                + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let child = ChildState(pid: process.processIdentifier)

        DispatchQueue.global().asyncAfter(deadline: .now() + limits.seconds) { child.stop(.timedOut) }
        let errorCollector = DataCollector()
        let group = DispatchGroup()
        let errorHandle = errorPipe.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            errorCollector.set(errorHandle.readDataToEndOfFile())
        }
        let output = readOutput(outputPipe.fileHandleForReading.fileDescriptor, limits: limits, child: child)
        // Whatever the child left behind holding its streams open, waiting ends at the deadline.
        _ = group.wait(timeout: .now() + limits.seconds + 2)
        process.waitUntilExit()
        let stopped = child.finish()
        return ProcessOutput(
            status: process.terminationStatus, standardOutput: output, standardError: errorCollector.value,
            stopped: stopped)
    }
}

extension ProcessRunner {
    /// Reads standard output until it ends, the deadline passes or it grows past the limit — polling, so no
    /// read blocks past the deadline even when something else keeps the pipe open.
    fileprivate static func readOutput(_ descriptor: Int32, limits: ChildLimits, child: ChildState) -> Data {
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(limits.seconds)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                child.stop(.timedOut)
                break
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { break }
            if ready == 0 { continue }
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 { break }
            if output.count + count > limits.outputBytes {
                child.stop(.outputTooLarge)
                break
            }
            output.append(contentsOf: buffer[0..<count])
        }
        return output
    }
}

/// The child's pid and whether it was stopped, shared with the watchdog; once the child is reaped nothing is
/// killed any more (its pid could be another process's by then).
fileprivate final class ChildState: @unchecked Sendable {
    private let lock = NSLock()
    private let pid: Int32
    private var reason: ChildLimits.Reason?
    private var finished = false

    init(pid: Int32) {
        self.pid = pid
    }

    func stop(_ why: ChildLimits.Reason) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, reason == nil else { return }
        reason = why
        kill(pid, SIGKILL)
        // When the child leads its own process group, whatever it started goes with it.
        kill(-pid, SIGKILL)
    }

    func finish() -> ChildLimits.Reason? {
        lock.lock()
        defer { lock.unlock() }
        finished = true
        return reason
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
