import Foundation
import ArgumentParser

/// Options of the commands that work on the database without serving it.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: "SQLite database file (env DUBAN_SQLITE_PATH, default duban.sqlite; ignored when DATABASE_URL is set).")
    var sqlite: String?

    /// The configuration these options select.
    func resolve() throws -> AppConfig {
        do {
            return try AppConfig.resolve(sqlitePath: sqlite, logLevel: "warning")
        } catch {
            throw ValidationError(error.description)
        }
    }
}
