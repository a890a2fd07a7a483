import ArgumentParser
import Foundation

/// `duban bench surge`: a deadline day. Loads one task per clerk into a temporary SQLite file (or the empty
/// database DATABASE_URL names, which keeps it), serves it in-process, and has every clerk — a distinct account —
/// sign in and file a quarterly report with a 1 MB evidence file, the starts spread over half a minute, while the
/// 督查室 reads its pages. Fails unless every filing succeeded within a minute and the database holds each one
/// with its own bytes.
struct SurgeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surge",
        abstract:
            "Deadline day: N clerks each file a report with a 1 MB file within a minute (temporary SQLite, or DATABASE_URL)."
    )

    @Option(help: "Clerks filing, each with an account and a task of their own.")
    var clerks = 500

    @Option(help: "Seconds over which the clerks' starts are spread.")
    var spread = 30.0

    @Option(help: "Evidence file size in kilobytes.")
    var evidenceKB = 1024

    @Option(help: "督查室 readers reading the office's pages meanwhile.")
    var readers = 4

    /// Everything is to be filed within this many seconds of the first start.
    static let limitSeconds = 60.0

    func validate() throws {
        let most = SyntheticPlan.unitNames(count: .max).count
        guard (1...most).contains(clerks) else { throw ValidationError("--clerks must be 1 to \(most)") }
        guard (0...50).contains(spread) else { throw ValidationError("--spread must be 0 to 50 seconds") }
        guard (1...10_240).contains(evidenceKB) else { throw ValidationError("--evidence-kb must be 1 to 10240") }
        guard (0...32).contains(readers) else { throw ValidationError("--readers must be 0 to 32") }
    }

    func run() async throws {
        let settings = SurgeSession.Settings(
            clerks: clerks, spread: spread, evidenceBytes: evidenceKB * 1024, readers: readers)
        let session = SurgeSession(settings: settings, storage: .fromEnvironment(), report: { print($0) })
        let outcome = try await WebBenchError.reporting { try await session.run() }
        print("")
        print(LatencySample.header)
        for sample in [outcome.signIn, outcome.filing, outcome.reads] { print(sample.row) }
        for sample in [outcome.signIn, outcome.filing, outcome.reads] where sample.failures > 0 {
            print("failures in \(sample.name), first: \(sample.firstFailure ?? "unknown")")
        }
        print("")
        print(
            String(
                format: "All clerks answered %.1f s after the first started (limit %.0f s).", outcome.elapsed,
                Self.limitSeconds))
        print("Reports in the database: \(outcome.ledger.reports) of \(clerks), each checked against the bytes sent.")
        for problem in outcome.ledger.problems.prefix(20) { print("problem: \(problem)") }
        print("Peak resident memory (server and clients in one process): \(outcome.peakMegabytes) MB.")
        if outcome.leftDataBehind {
            print("The surge data stays in DATABASE_URL's database (audit entries are append-only): drop it when done.")
        }
        let failed =
            outcome.signIn.failures + outcome.filing.failures + outcome.reads.failures > 0
            || !outcome.ledger.problems.isEmpty || outcome.ledger.reports != clerks
            || outcome.elapsed > Self.limitSeconds
        if failed { throw ExitCode.failure }
    }
}
