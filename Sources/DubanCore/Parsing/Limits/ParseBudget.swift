import Foundation

/// The limits of the parse under way, reachable from every layout reader without threading a parameter
/// through each of them. Readers ask `ParseBudget.stop` at each line or block and end early when it says so;
/// `PlanParser.parse(text:limits:)` then reports which limit was reached.
///
/// A class with a lock because the documents of a gazette are parsed concurrently against one budget.
final class ParseBudget: @unchecked Sendable {
    /// The budget of the parse running on this task; nil for an unbounded parse.
    @TaskLocal static var current: ParseBudget?

    let limits: ParseLimits
    private let deadline: ContinuousClock.Instant
    private let lock = NSLock()
    // Guarded by `lock`.
    private var tasks = 0
    private var reached: PlanParseError?

    init(_ limits: ParseLimits) {
        self.limits = limits
        deadline = ContinuousClock.now.advanced(by: limits.timeLimit)
    }

    /// The limit reached so far, if any.
    var exceeded: PlanParseError? { lock.withLock { reached } }

    /// True when the parse under way must end now: its time is up or a limit was reached. Cheap enough for
    /// every line (one clock read).
    static var stop: Bool {
        guard let budget = current else { return false }
        return budget.checkTime()
    }

    /// Counts tasks as a reader finds them; true when the file has now gone past the limit.
    static func found(tasks count: Int) -> Bool {
        guard let budget = current else { return false }
        return budget.add(tasks: count)
    }

    private func checkTime() -> Bool {
        lock.withLock {
            if reached == nil, ContinuousClock.now > deadline {
                reached = .tooSlow(seconds: Int(limits.timeLimit.components.seconds))
            }
            return reached != nil
        }
    }

    private func add(tasks count: Int) -> Bool {
        lock.withLock {
            tasks += count
            if reached == nil, tasks > limits.maximumTasks { reached = .tooManyTasks(limit: limits.maximumTasks) }
            return reached != nil
        }
    }

    /// Records that more documents than allowed hold tasks.
    func tooManyDocuments(found: Int) {
        lock.withLock {
            if reached == nil { reached = .tooManyDocuments(found: found, limit: limits.maximumDocuments) }
        }
    }
}
