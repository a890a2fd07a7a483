import ArgumentParser

/// `duban migrate`: brings the database schema up to date (also done by `serve` on start).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the database schema."
    )

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let config = try options.resolve()
        try await AppRunner.migrate(config: config)
        print("Database is up to date.")
    }
}
