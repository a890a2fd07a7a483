import Foundation

/// Remembers the lists read during one parse. Plans repeat the same unit lists hundreds of times (a table
/// lists "区发改局" on every other row), and reading a list is the parser's costliest step. The cache lives
/// only as long as one `PlanParser.parse` call (bound as a task-local value), so nothing is shared between
/// documents or threads.
///
/// `@unchecked Sendable`: all state is behind the lock.
final class UnitListCache: @unchecked Sendable {
    /// The cache of the parse in progress, if any.
    @TaskLocal static var current: UnitListCache?

    private let lock = NSLock()
    private var entries: [String: [UnitName]] = [:]

    /// The cached reading of `text`, or the result of `read`, stored for next time.
    func value(for text: String, read: (String) -> [UnitName]) -> [UnitName] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[text] { return cached }
        let value = read(text)
        entries[text] = value
        return value
    }
}
