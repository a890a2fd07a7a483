import ArgumentParser
import Foundation
import Logging

/// `duban demo`: fills an SQLite file with the demo district and its accounts (or reuses it), serves it and prints
/// the logins, so anyone can see the application with realistic data in one command. Always SQLite: a demo never
/// writes into DATABASE_URL.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo database (or reuse it) and serve it at http://127.0.0.1:8080."
    )

    @Option(help: "SQLite file holding the demo; created when missing, reused when it already holds the demo.")
    var sqlite = "duban-demo.sqlite"

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "trace, debug, info, notice, warning, error or critical (info logs every request).")
    var logLevel = "notice"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !sqlite.isEmpty else { throw ValidationError("--sqlite needs a file name") }
        guard Logger.Level(rawValue: logLevel.lowercased()) != nil else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical")
        }
    }

    func run() async throws {
        // Built directly rather than through `AppConfig.resolve`: the demo ignores DATABASE_URL and allows port 0.
        let level = Logger.Level(rawValue: logLevel.lowercased()) ?? .notice
        let config = AppConfig(storage: .sqliteFile(path: sqlite), hostname: hostname, port: port, logLevel: level)
        let path = sqlite
        try await AppRunner.serve(
            config: config,
            prepare: { app in
                Self.say("Preparing the demo database \(path) …")
                let summary = try await DemoGenerator(
                    database: app.db, hasher: app.passwordHasher, today: app.clock.today()
                ).populate()
                Self.say(Self.describe(summary, path: path))
            },
            announce: { app in
                let bound = app.listeningPort ?? config.port
                Self.say(
                    (["Serving at http://\(config.hostname):\(bound)"] + DemoAccounts.loginLines
                        + ["Press Ctrl+C to stop."]).joined(separator: "\n"))
            })
    }

    /// One line saying what the database now holds.
    static func describe(_ summary: DemoGenerator.Summary, path: String) -> String {
        let contents =
            "\(summary.plans) plans, \(summary.tasks) tasks, \(summary.units) units, \(summary.leaders) leaders, "
            + "\(summary.accounts) accounts"
        return summary.created
            ? "Created the demo in \(path): \(contents)." : "Reusing the demo in \(path): \(contents)."
    }

    /// Prints at once, even when standard output is a pipe (scripts wait for these lines).
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
