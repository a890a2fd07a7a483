import Logging
import NIOConcurrencyHelpers
import Vapor

/// Counts the SQL statements a request runs, when the configuration asks for it (DUBAN_COUNT_QUERIES=1; the
/// tests and the benchmark do), and answers in three headers: `X-Duban-Queries` (every statement),
/// `X-Duban-Reads` (the SELECTs) and `X-Duban-Read-Tables` (the tables they read). Fluent's drivers log each
/// statement at debug level through the request's logger; this middleware gives the request a logger that
/// counts those lines and passes everything else on as before. Statements a transaction runs on its own
/// connection log through that connection and are not counted on SQLite; reads outside transactions are.
///
/// The counting logger is at debug level, where the statements are logged, not trace: a PostgreSQL connection opened
/// during a counted request keeps that request's logger for its life, and at trace it wrote every message from the
/// server as a hex dump, making any later page served on it two to three times slower (the province's target table
/// 90 ms instead of 32). Counting still costs a little, so the benchmark counts each page once and times it with
/// `switch.isOn` false.
struct QueryCountingMiddleware: AsyncMiddleware {
    static let header = "X-Duban-Queries"
    static let readsHeader = "X-Duban-Reads"
    static let tablesHeader = "X-Duban-Read-Tables"

    /// Whether requests are counted now.
    let `switch`: QueryCountingSwitch

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard `switch`.isOn else { return try await next.respond(to: request) }
        let counter = QueryCounter()
        let original = request.logger
        var counting = Logger(label: original.label) { _ in
            QueryCountingLogHandler(counter: counter, forwarding: original)
        }
        counting.logLevel = .debug
        for (key, value) in original.handler.metadata { counting[metadataKey: key] = value }
        request.logger = counting
        let response = try await next.respond(to: request)
        let summary = counter.summary
        response.headers.replaceOrAdd(name: Self.header, value: String(summary.statements))
        response.headers.replaceOrAdd(name: Self.readsHeader, value: String(summary.reads))
        response.headers.replaceOrAdd(name: Self.tablesHeader, value: summary.tables.sorted().joined(separator: ","))
        return response
    }
}

/// Turns counting on and off while the application runs; on from the start.
final class QueryCountingSwitch: Sendable {
    private let on = NIOLockedValueBox(true)

    var isOn: Bool {
        get { on.withLockedValue { $0 } }
        set { on.withLockedValue { $0 = newValue } }
    }
}

extension Application {
    private struct QueryCountingKey: StorageKey {
        typealias Value = QueryCountingSwitch
    }

    /// The switch of the query-counting middleware, or nil when the configuration does not count (the default).
    var queryCounting: QueryCountingSwitch? {
        get { storage[QueryCountingKey.self] }
        set { storage[QueryCountingKey.self] = newValue }
    }
}

/// The statements one request ran: how many, how many read, and which tables the reads touched.
final class QueryCounter: Sendable {
    struct Summary: Sendable {
        var statements = 0
        var reads = 0
        var tables: Set<String> = []
    }

    private let state = NIOLockedValueBox(Summary())

    var summary: Summary { state.withLockedValue { $0 } }

    func record(_ sql: String) {
        let isRead = sql.uppercased().hasPrefix("SELECT")
        let tables = isRead ? Self.tables(in: sql) : []
        state.withLockedValue { summary in
            summary.statements += 1
            if isRead {
                summary.reads += 1
                summary.tables.formUnion(tables)
            }
        }
    }

    /// The tables named after FROM and JOIN, quoted or not.
    static func tables(in sql: String) -> Set<String> {
        let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" })
        var tables: Set<String> = []
        for (index, word) in words.enumerated() where index + 1 < words.count {
            guard ["FROM", "JOIN"].contains(word.uppercased()) else { continue }
            let name = words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
            if name.first?.isLetter == true, name.uppercased() != "SELECT" { tables.insert(name) }
        }
        return tables
    }
}

/// Counts "Executing query" lines (SQLKit's, for every statement) and forwards each line the original logger
/// would have written.
struct QueryCountingLogHandler: LogHandler {
    let counter: QueryCounter
    let forwarding: Logger
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        if case .string(let sql)? = explicit?["sql"] { counter.record(sql) }
        guard level >= forwarding.logLevel else { return }
        var forwarded = forwarding
        for (key, value) in metadata { forwarded[metadataKey: key] = value }
        forwarded.log(
            level: level, message, metadata: explicit, source: source, file: file, function: function, line: line)
    }
}
