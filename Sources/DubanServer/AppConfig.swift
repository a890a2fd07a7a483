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

        /// True for either SQLite storage.
        public var isSQLite: Bool {
            if case .postgres = self { return false }
            return true
        }
    }

    public var storage: Storage
    public var hostname: String
    public var port: Int
    public var logLevel: Logger.Level
    /// Mark the session cookie Secure (sent over HTTPS only). Off by default so the http://127.0.0.1 demo works;
    /// every deployment behind HTTPS turns it on (DUBAN_SECURE_COOKIES=1).
    public var secureCookies: Bool
    /// How long a sign-in lasts, in seconds from signing in (DUBAN_SESSION_HOURS; default 12 hours, a working
    /// day with overtime).
    public var sessionLifetime: TimeInterval
    /// bcrypt cost of new password hashes: 12 in production; tests lower it to stay fast.
    public var passwordCost: Int
    /// Seconds between rounds of the background jobs (webhook delivery, reminders) while serving
    /// (DUBAN_JOBS_INTERVAL; default 60).
    public var jobsInterval: TimeInterval
    /// Where users reach this site, e.g. "https://duban.example.gov.cn" (DUBAN_PUBLIC_URL): webhook messages then
    /// carry full links a group chat can open; without it they carry site-relative paths.
    public var publicURL: String?
    /// Answer every request's number of SQL statements in `X-Duban-Queries` (DUBAN_COUNT_QUERIES=1): for the
    /// tests and the benchmark, which check that a page's cost does not grow with the data.
    public var countQueries = false
    /// The reverse proxies whose X-Forwarded-For names the client (DUBAN_TRUSTED_PROXIES, e.g. "127.0.0.1"):
    /// throttling then counts per client behind the proxy. None by default.
    public var trustedProxies = TrustedProxies.none
    /// PostgreSQL connections each event loop may hold (DUBAN_DB_CONNECTIONS, 1 to 64; default 4). Fluent's
    /// default of one per loop queues a deadline day's filings behind each other until the pool's wait runs
    /// out; four per loop on a 2-core server is 8 connections, well inside PostgreSQL's 100 with replicas.
    public var postgresConnectionsPerLoop = 4
    /// Megabytes of rendered signed-in pages kept in memory to answer the same page again while nothing has
    /// changed (DUBAN_PAGE_CACHE_MB, 0 to 1024; 0 turns it off; default 32). In-memory SQLite has none.
    public var pageCacheMegabytes = 32

    /// Creates a configuration.
    public init(
        storage: Storage, hostname: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info,
        secureCookies: Bool = false, sessionLifetime: TimeInterval = 12 * 3600, passwordCost: Int = 12,
        jobsInterval: TimeInterval = 60
    ) {
        self.storage = storage
        self.hostname = hostname
        self.port = port
        self.logLevel = logLevel
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.passwordCost = passwordCost
        self.jobsInterval = jobsInterval
    }

    /// Reads DUBAN_HOST, DUBAN_PORT, DUBAN_LOG_LEVEL, DATABASE_URL, DUBAN_SQLITE_PATH, DUBAN_SECURE_COOKIES,
    /// DUBAN_SESSION_HOURS, DUBAN_JOBS_INTERVAL, DUBAN_PUBLIC_URL, DUBAN_COUNT_QUERIES, DUBAN_TRUSTED_PROXIES,
    /// DUBAN_DB_CONNECTIONS and DUBAN_PAGE_CACHE_MB;
    /// explicit values win.
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
            throw .invalid(
                name: "log level", value: levelText, expected: "trace, debug, info, notice, warning, error or critical")
        }
        var config = AppConfig(
            storage: storage, hostname: hostname ?? environment["DUBAN_HOST"] ?? "127.0.0.1", port: portValue,
            logLevel: level)
        try config.readAccountSettings(environment)
        try config.readJobsInterval(environment)
        try config.readPublicURL(environment)
        if let text = environment["DUBAN_TRUSTED_PROXIES"], !text.isEmpty {
            guard let proxies = TrustedProxies.parse(text) else {
                throw .invalid(
                    name: "DUBAN_TRUSTED_PROXIES", value: text,
                    expected: "addresses or ranges separated by commas, e.g. 127.0.0.1, 10.0.0.0/8")
            }
            config.trustedProxies = proxies
        }
        if let text = environment["DUBAN_DB_CONNECTIONS"], !text.isEmpty {
            guard let count = Int(text), (1...64).contains(count) else {
                throw .invalid(name: "DUBAN_DB_CONNECTIONS", value: text, expected: "a whole number from 1 to 64")
            }
            config.postgresConnectionsPerLoop = count
        }
        if let text = environment["DUBAN_PAGE_CACHE_MB"], !text.isEmpty {
            guard let megabytes = Int(text), (0...1024).contains(megabytes) else {
                throw .invalid(name: "DUBAN_PAGE_CACHE_MB", value: text, expected: "a whole number from 0 to 1024")
            }
            config.pageCacheMegabytes = megabytes
        }
        config.countQueries = ["1", "true", "yes", "on"].contains(
            environment["DUBAN_COUNT_QUERIES"]?.lowercased() ?? "")
        return config
    }

    /// DUBAN_PUBLIC_URL: an http(s) address without a trailing slash.
    private mutating func readPublicURL(_ environment: [String: String]) throws(AppConfigError) {
        guard let text = environment["DUBAN_PUBLIC_URL"], !text.isEmpty else { return }
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host != nil
        else {
            throw .invalid(name: "DUBAN_PUBLIC_URL", value: text, expected: "an http:// or https:// address")
        }
        publicURL = trimmed
    }

    /// DUBAN_JOBS_INTERVAL: whole seconds from 1 to 3600.
    private mutating func readJobsInterval(_ environment: [String: String]) throws(AppConfigError) {
        guard let text = environment["DUBAN_JOBS_INTERVAL"], !text.isEmpty else { return }
        guard let seconds = Int(text), (1...3600).contains(seconds) else {
            throw .invalid(
                name: "DUBAN_JOBS_INTERVAL", value: text, expected: "a whole number of seconds from 1 to 3600")
        }
        jobsInterval = TimeInterval(seconds)
    }

    /// DUBAN_SECURE_COOKIES (1/0, true/false) and DUBAN_SESSION_HOURS (1 to 720).
    private mutating func readAccountSettings(_ environment: [String: String]) throws(AppConfigError) {
        if let text = environment["DUBAN_SECURE_COOKIES"], !text.isEmpty {
            switch text.lowercased() {
            case "1", "true", "yes", "on": secureCookies = true
            case "0", "false", "no", "off": secureCookies = false
            default: throw .invalid(name: "DUBAN_SECURE_COOKIES", value: text, expected: "1 or 0")
            }
        }
        if let text = environment["DUBAN_SESSION_HOURS"], !text.isEmpty {
            guard let hours = Int(text), (1...720).contains(hours) else {
                throw .invalid(
                    name: "DUBAN_SESSION_HOURS", value: text, expected: "a whole number of hours from 1 to 720")
            }
            sessionLifetime = TimeInterval(hours * 3600)
        }
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
