import Foundation
import ArgumentParser

/// Options shared by the commands that open the database.
struct ServerOptions: ParsableArguments {
    @Option(help: "SQLite database file (ignored when DATABASE_URL is set).")
    var sqlite: String?

    @Option(help: "Address to listen on (env DUBAN_HOST, default 127.0.0.1).")
    var hostname: String?

    @Option(help: "Port to listen on (env DUBAN_PORT, default 8080).")
    var port: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env DUBAN_LOG_LEVEL, default info).")
    var logLevel: String?

    func resolve() throws -> AppConfig {
        do {
            return try AppConfig.resolve(sqlitePath: sqlite, hostname: hostname, port: port, logLevel: logLevel)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
