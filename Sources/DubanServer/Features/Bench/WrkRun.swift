import Foundation

/// Throughput measured by `wrk` (Debian package wrk), a separate process, against the server the benchmark
/// runs: requests per second of a page with 64 connections, and how many answers were not 2xx or 3xx.
struct WrkRun: Sendable {
    var path: String
    var requestsPerSecond: Double
    var failures: Int
    /// Run with the page cache on: the same page seen again and again, as a leader refreshing it.
    var fromPageCache = false

    /// The path, marked when the page cache answered.
    var label: String { fromPageCache ? path + " (seen again)" : path }

    /// The wrk executable on the PATH, or nil.
    static var executable: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/wrk" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs wrk for `seconds` on `base + path`, sending `cookie` when signed in.
    static func run(
        wrk: String, base: String, path: String, cookie: String?, connections: Int = 64, seconds: Int
    ) throws -> WrkRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        // A long timeout: a page slower than 2 s under 64 connections is measured, not dropped as a time-out.
        var arguments = ["-t2", "-c\(connections)", "-d\(seconds)s", "--timeout", "30s", "--latency"]
        if let cookie { arguments += ["-H", "Cookie: \(cookie)"] }
        process.arguments = arguments + [base + path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return try parse(text, path: path)
    }

    /// Reads "Requests/sec:" and "Non-2xx or 3xx responses:" (and socket errors) from wrk's report.
    static func parse(_ text: String, path: String) throws -> WrkRun {
        var rate: Double?
        var failures = 0
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("Requests/sec:") {
                rate = Double(line.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("Non-2xx or 3xx responses:") {
                failures += Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
            } else if line.hasPrefix("Socket errors:") {
                // "Socket errors: connect 0, read 0, write 0, timeout 12"
                failures += line.split(whereSeparator: { $0 == "," || $0 == ":" }).compactMap {
                    $0.split(separator: " ").last.flatMap { Int($0) }
                }.reduce(0, +)
            }
        }
        guard let rate else { throw WebBenchError.stopped("wrk gave no Requests/sec for \(path): \(text.suffix(400))") }
        return WrkRun(path: path, requestsPerSecond: rate, failures: failures)
    }
}
