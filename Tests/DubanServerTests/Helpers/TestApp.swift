import DubanServer
import Fluent
import Foundation
import SQLKit
import Vapor
import VaporTesting

/// The database engines the server tests run on. PostgreSQL joins when DUBAN_TEST_POSTGRES_URL points at a
/// server whose role may create databases (CI starts one); each test then gets a database of its own, so
/// tests run in parallel without seeing each other's rows.
enum TestDatabase: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// SQLite always; PostgreSQL when a server is configured.
    static var available: [TestDatabase] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresAdminURL: String? {
        let value = ProcessInfo.processInfo.environment["DUBAN_TEST_POSTGRES_URL"]
        return value?.isEmpty == false ? value : nil
    }
}

/// Builds the real application on a fresh, migrated database, runs `body`, and always shuts down and cleans up.
func withTestApp<T>(_ database: TestDatabase, _ body: (Application) async throws -> T) async throws -> T {
    switch database {
    case .sqlite:
        return try await withConfiguredApp(testConfig(.sqliteMemory), body)
    case .postgres:
        await PostgresSlots.shared.acquire()
        do {
            let result = try await withPostgresDatabase(body)
            await PostgresSlots.shared.release()
            return result
        } catch {
            await PostgresSlots.shared.release()
            throw error
        }
    }
}

/// Runs `body` on an app over a new PostgreSQL database, dropped afterwards.
private func withPostgresDatabase<T>(_ body: (Application) async throws -> T) async throws -> T {
    let admin = try requirePostgres()
    let name = "duban_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    try await PostgresAdmin.run(adminURL: admin, "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
    do {
        let url = PostgresAdmin.url(admin, database: name)
        let result = try await withConfiguredApp(testConfig(.postgres(url: url)), body)
        try await PostgresAdmin.run(adminURL: admin, "DROP DATABASE IF EXISTS \(name)")
        return result
    } catch {
        try? await PostgresAdmin.run(adminURL: admin, "DROP DATABASE IF EXISTS \(name)")
        throw error
    }
}

/// How many PostgreSQL test apps may run at once. Swift Testing starts every test together; each app holds a
/// pool of connections, and the server takes 100 in all (shared with anyone else testing on the machine), so
/// without a limit a full run fails with "remaining connection slots are reserved".
actor PostgresSlots {
    static let shared = PostgresSlots(limit: 8)

    private let limit: Int
    private var free: Int
    /// In the order they asked; the first is served before anyone behind it, so a test that needs every slot is
    /// not overtaken for ever.
    private var waiting: [(slots: Int, continuation: CheckedContinuation<Void, Never>)] = []

    init(limit: Int) {
        self.limit = limit
        free = limit
    }

    /// Waits for a free slot and takes it.
    func acquire() async { await take(1) }

    /// Waits until no other test holds a slot and takes them all: for a test that watches the whole server
    /// (the page cache's version is PostgreSQL's current snapshot, which every database's commits change).
    func acquireAll() async { await take(limit) }

    /// Gives the slot back, waking whoever is first in line when enough are free.
    func release() { give(1) }

    /// Gives back every slot `acquireAll` took.
    func releaseAll() { give(limit) }

    private func take(_ slots: Int) async {
        if waiting.isEmpty, free >= slots {
            free -= slots
            return
        }
        await withCheckedContinuation { waiting.append((slots, $0)) }
    }

    private func give(_ slots: Int) {
        free += slots
        while let first = waiting.first, free >= first.slots {
            free -= first.slots
            waiting.removeFirst()
            first.continuation.resume()
        }
    }
}

/// Builds the real application on the given storage (an SQLite file, a PostgreSQL database the test made),
/// migrated, for tests that look at the database from outside the app too.
func withTestApp<T>(storage: AppConfig.Storage, _ body: (Application) async throws -> T) async throws -> T {
    try await withConfiguredApp(testConfig(storage), body)
}

/// The configuration of a test app: quiet, and bcrypt at its lowest cost so signing in takes microseconds.
private func testConfig(_ storage: AppConfig.Storage) -> AppConfig {
    var config = AppConfig(storage: storage, logLevel: .warning, passwordCost: 4)
    config.countQueries = true
    return config
}

/// After the test, every plan whose stored lights are marked current must agree with its lights worked out
/// again from the raw rows (`DutyStateCheck`), and every score kept at the plan's current generation with its
/// scores worked out again (`ScoreCacheCheck`): a test that changes what lights or scores depend on through a
/// path that forgets them fails here.
private func withConfiguredApp<T>(_ config: AppConfig, _ body: (Application) async throws -> T) async throws -> T {
    try await withApp(
        configure: { app in
            try await configure(app, config: config)
            try await app.autoMigrate()
        },
        { app in
            let result = try await body(app)
            let differences = try await DutyStateCheck.differences(on: app.db)
            if !differences.isEmpty { throw StoredLightsDisagree(differences: differences) }
            let scores = try await ScoreCacheCheck.differences(on: app.db)
            if !scores.isEmpty { throw KeptScoresDisagree(differences: scores) }
            return result
        })
}

/// Scores kept at a plan's current generation are not those its records give.
struct KeptScoresDisagree: Error, CustomStringConvertible {
    var differences: [String]
    var description: String {
        "kept scores disagree with the records:\n" + differences.prefix(20).joined(separator: "\n")
    }
}

/// The stored lights a test left behind are not those the raw rows give.
struct StoredLightsDisagree: Error, CustomStringConvertible {
    var differences: [String]
    var description: String {
        "stored lights disagree with the raw rows:\n" + differences.prefix(20).joined(separator: "\n")
    }
}

private func requirePostgres() throws -> String {
    guard let url = TestDatabase.postgresAdminURL else { throw TestSetupError.noPostgres }
    return url
}

/// Failures preparing a test database.
enum TestSetupError: Error, CustomStringConvertible {
    case noPostgres

    var description: String { "DUBAN_TEST_POSTGRES_URL is not set" }
}

/// Creating and dropping per-test databases through the admin connection.
enum PostgresAdmin {
    /// Runs one statement on the admin database.
    static func run(adminURL: String, _ statement: String) async throws {
        try await withApp(configure: { app in
            app.logger.logLevel = .warning
            app.databases.use(try .postgres(url: adminURL), as: .psql)
        }) { app in
            guard let sql = app.db as? any SQLDatabase else { return }
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    /// The admin URL with its database name replaced.
    static func url(_ adminURL: String, database: String) -> String {
        guard var components = URLComponents(string: adminURL) else { return adminURL }
        components.path = "/" + database
        return components.string ?? adminURL
    }
}

/// A database of its own for a test that runs the server as a separate process: a new SQLite file, or a new
/// PostgreSQL database; removed afterwards. `alone` keeps every other PostgreSQL test out meanwhile.
func withScratchStorage<T>(
    _ database: TestDatabase, alone: Bool = false, _ body: (AppConfig.Storage) async throws -> T
) async throws -> T {
    switch database {
    case .sqlite:
        let path = NSTemporaryDirectory() + "duban-scratch-\(UUID().uuidString).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await body(.sqliteFile(path: path))
    case .postgres:
        let admin = try requirePostgres()
        let name = "duban_scratch_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        if alone { await PostgresSlots.shared.acquireAll() } else { await PostgresSlots.shared.acquire() }
        do {
            try await PostgresAdmin.run(adminURL: admin, "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
            let result = try await body(.postgres(url: PostgresAdmin.url(admin, database: name)))
            try await PostgresAdmin.run(adminURL: admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            if alone { await PostgresSlots.shared.releaseAll() } else { await PostgresSlots.shared.release() }
            return result
        } catch {
            try? await PostgresAdmin.run(adminURL: admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            if alone { await PostgresSlots.shared.releaseAll() } else { await PostgresSlots.shared.release() }
            throw error
        }
    }
}
