import ArgumentParser
import class Vapor.Application

/// `duban user list [--government …]`: every account with its role, government, unit or leader and status.
struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List accounts."
    )

    @Option(help: "Only this government's accounts, by full or short name.")
    var government: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let outcome = try await AppRunner.withApplication(config: database.resolve()) { app in
            try await app.autoMigrate()
            return try await execute(on: app)
        }
        try outcome.emit()
    }

    /// The table of accounts on `app`'s database.
    func execute(on app: Application) async throws -> CommandOutcome {
        do {
            let rows = try await UserListing.rows(government: government, on: app.db)
            guard !rows.isEmpty else { return .success("no user yet: add one with `duban user add`\n") }
            return .success(TextColumns.format([UserListing.header] + rows))
        } catch {
            return try .failure(for: error)
        }
    }
}
