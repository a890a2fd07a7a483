import Fluent
import FluentSQLiteDriver
import SQLKit

extension Database {
    /// Runs `body` in a transaction that does not fail for being one of many at once. Every service writes
    /// through here; Fluent's own `transaction` is not used directly.
    ///
    /// On SQLite, Fluent's deferred `BEGIN` lets two transactions both read and then both try to write, and
    /// SQLite refuses one at once ("database is locked") rather than wait. Here a transaction begins
    /// `IMMEDIATE`, taking the write lock before it reads (another process holding it is waited for, up to
    /// the busy timeout), and this process's write transactions take turns through `SQLiteWriteGate` before
    /// taking a connection, so the ones waiting hold none. A call made while a write transaction runs on the
    /// same task joins it, on its connection.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let joined = WriteTransactionScope.current { return try await body(joined) }
        if inTransaction { return try await body(self) }
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        return try await SQLiteWriteGate.shared.serialize {
            try await self.withConnection { connection in
                try await Self.immediateTransaction(on: connection, body)
            }
        }
    }

    private static func immediateTransaction<T: Sendable>(
        on connection: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let sql = connection as? any SQLDatabase else { return try await connection.transaction(body) }
        try await beginImmediately(sql)
        do {
            let result = try await WriteTransactionScope.$current.withValue(connection) { try await body(connection) }
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// `BEGIN IMMEDIATE`, tried again a few times when another process held the write lock for the whole busy
    /// timeout: nothing has been done yet, so trying again is safe.
    private static func beginImmediately(_ sql: any SQLDatabase) async throws {
        for attempt in 1...3 {
            do {
                try await sql.raw("BEGIN IMMEDIATE").run()
                return
            } catch let error as SQLiteError where [.busy, .locked, .busyTimeout].contains(error.reason) && attempt < 3
            {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
        }
    }
}

/// The connection of the SQLite write transaction running on this task, which nested writes join.
enum WriteTransactionScope {
    @TaskLocal static var current: (any Database)?
}

/// Lets one SQLite write transaction of this process run at a time, in arrival order. An actor alone would
/// not do: it lets the next caller in while the current one awaits its queries.
actor SQLiteWriteGate {
    static let shared = SQLiteWriteGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func serialize<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
