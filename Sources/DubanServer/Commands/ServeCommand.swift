import Foundation
import ArgumentParser

/// `duban serve`: runs the web application on SQLite (default) or PostgreSQL (DATABASE_URL), migrating first.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application (SQLite file by default; PostgreSQL when DATABASE_URL is set)."
    )

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let config = try options.resolve()
        try await AppRunner.serve(config: config, announce: { _ in })
    }
}
