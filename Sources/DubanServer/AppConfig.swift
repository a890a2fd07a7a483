import Foundation
import Logging

/// Everything the application needs to start, read once: from command-line options first, then the
/// environment, then defaults. A setting that is present but wrong stops start-up and names itself.
public struct AppConfig: Sendable, Equatable {
    /// Where the data lives.
    public enum Storage: Sendable, Equatable {
        /// An SQLite file (the default: embedded, zero setup).
        case sqliteFile(path: String)
        /// In-memory SQLite, for tests.
        case sqliteMemory
        /// PostgreSQL, the production engine.
        case postgres(url: String)
    }

    public var storage: Storage
    public var hostname: String
    public var port: Int
    public var logLevel: Logger.Level

    /// Creates a configuration.
    public init(storage: Storage, hostname: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info) {
        self.storage = storage
        self.hostname = hostname
        self.port = port
        self.logLevel = logLevel
    }

    /// Reads DUBAN_HOST, DUBAN_PORT, DUBAN_LOG_LEVEL, DATABASE_URL and DUBAN_SQLITE_PATH; explicit values win.
    public static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sqlitePath: String? = nil, hostname: String? = nil, port: Int? = nil, logLevel: String? = nil
    ) throws(AppConfigError) -> AppConfig {
        let storage: Storage
        if let url = environment["DATABASE_URL"], !url.isEmpty, sqlitePath == nil {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw .invalid(name: "DATABASE_URL", value: url, expected: "a postgres:// URL")
            }
            storage = .postgres(url: url)
        } else {
            storage = .sqliteFile(path: sqlitePath ?? environment["DUBAN_SQLITE_PATH"] ?? "duban.sqlite")
        }
        let portText = port.map(String.init) ?? environment["DUBAN_PORT"] ?? "8080"
        guard let portValue = Int(portText), (1...65535).contains(portValue) else {
            throw .invalid(name: "port", value: portText, expected: "a number from 1 to 65535")
        }
        let levelText = logLevel ?? environment["DUBAN_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw .invalid(name: "log level", value: levelText, expected: "trace, debug, info, notice, warning, error or critical")
        }
        return AppConfig(storage: storage, hostname: hostname ?? environment["DUBAN_HOST"] ?? "127.0.0.1",
                         port: portValue, logLevel: level)
    }
}

/// A setting that cannot be used.
public enum AppConfigError: Error, Equatable, CustomStringConvertible {
    case invalid(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalid(let name, let value, let expected): "invalid \(name) \"\(value)\": expected \(expected)"
        }
    }
}
