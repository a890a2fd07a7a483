import ArgumentParser
import Foundation

/// `duban bench web`: loads a 5,000-task plan into a temporary SQLite file (or the empty database DATABASE_URL
/// names, which keeps it), serves it in-process on a free loopback port and reports p50/p99/max latency of the
/// plan page and of search. Bounded: a fixed number of
/// requests, one at a time, then it stops by itself. Exits non-zero when any request failed.
struct WebBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract:
            "Time the pages on a synthetic plan or a generated district or province (temporary SQLite, or DATABASE_URL)."
    )

    @Option(help: "Timed requests per endpoint.")
    var requests = 200

    @Option(help: "Untimed warm-up requests per endpoint.")
    var warmup = 20

    @Option(help: "Tasks in the synthetic plan.")
    var tasks = 5_000

    @Option(help: "Units the tasks are assigned to.")
    var units = 300

    @Option(
        help: ArgumentHelp(
            "Generate an installation instead of one plan: district (5,000 tasks, a year of reports) or province (25 governments, 50,000 tasks, 2,000 units, 10,000 accounts, ~200,000 reports).",
            valueName: "district|province"))
    var scale: String?

    @Option(help: "After the timings, run wrk (64 connections) this many seconds on /healthz and on signed-in pages.")
    var wrk: Int?

    func validate() throws {
        if let scale, BenchScale.named(scale) == nil {
            throw ValidationError("--scale must be district or province")
        }
        if let wrk, !(1...600).contains(wrk) { throw ValidationError("--wrk must be 1 to 600 seconds") }
        guard (1...10_000).contains(requests) else { throw ValidationError("--requests must be 1 to 10000") }
        guard (0...1_000).contains(warmup) else { throw ValidationError("--warmup must be 0 to 1000") }
        guard (1...50_000).contains(tasks) else { throw ValidationError("--tasks must be 1 to 50000") }
        guard (20...SyntheticPlan.unitNames(count: .max).count).contains(units) else {
            throw ValidationError("--units must be 20 to \(SyntheticPlan.unitNames(count: .max).count)")
        }
    }

    func run() async throws {
        var settings = WebBenchSession.Settings(requests: requests, warmup: warmup, tasks: tasks, units: units)
        settings.scale = scale.flatMap(BenchScale.named)
        settings.wrkSeconds = wrk
        let session = WebBenchSession(settings: settings, storage: .fromEnvironment(), report: { print($0) })
        let outcome = try await WebBenchError.reporting { try await session.run() }
        print("")
        print(LatencySample.header)
        for sample in outcome.samples { print(sample.row) }
        let failed = outcome.samples.filter { $0.failures > 0 }
        for sample in failed { print("failures in \(sample.name), first: \(sample.firstFailure ?? "unknown")") }
        if let healthz = outcome.throughput.first {
            print("")
            print(
                "wrk, 64 connections".padding(toLength: 62, withPad: " ", startingAt: 0)
                    + "    req/s   of /healthz  not 2xx/3xx")
            for run in outcome.throughput {
                let share = healthz.requestsPerSecond > 0 ? run.requestsPerSecond / healthz.requestsPerSecond : 0
                print(
                    run.label.padding(toLength: 62, withPad: " ", startingAt: 0)
                        + String(format: "%9.1f   %8.0f %%   %10d", run.requestsPerSecond, share * 100, run.failures))
            }
        }
        print("Peak resident memory (server and client in one process, loading included): \(outcome.peakMegabytes) MB.")
        let slow = outcome.samples.filter { ($0.percentile(0.99) ?? 0) >= 100 }
        if !slow.isEmpty { print("At or over 100 ms at p99: " + slow.map(\.name).joined(separator: "; ")) }
        if outcome.leftDataBehind {
            print(
                "The synthetic plan stays in DATABASE_URL's database (audit entries are append-only): drop it when done."
            )
        }
        if !failed.isEmpty { throw ExitCode.failure }
    }
}
