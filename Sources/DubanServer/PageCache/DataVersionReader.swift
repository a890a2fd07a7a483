import NIOConcurrencyHelpers
import Vapor

/// Asks the database for its `DataVersion` on behalf of every request that wants it, one question at a time.
///
/// A request needs a version read after it arrived: one read before could miss a commit the request's sender has
/// already seen (the report they just filed). So a request that arrives while a question is out waits for the
/// next one, and that next question answers everyone who arrived meanwhile. Sixty-four connections asking for
/// pages then cost a question per round trip, not one each: on PostgreSQL the question was the largest part of a
/// page answered from the cache.
final class DataVersionReader: Sendable {
    private typealias Waiter = CheckedContinuation<String, any Error>

    private struct State {
        var asking = false
        var waiting: [Waiter] = []
        var questions = 0
    }

    let source: DataVersion
    private let state = NIOLockedValueBox(State())

    init(_ source: DataVersion) {
        self.source = source
    }

    /// Questions asked of the database since start: for the tests.
    var questions: Int { state.withLockedValue { $0.questions } }

    /// The version, read after this call began.
    func current(_ app: Application) async throws -> String {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let startsRound = state.withLockedValue { state -> Bool in
                state.waiting.append(waiter)
                guard !state.asking else { return false }
                state.asking = true
                return true
            }
            if startsRound { Task { await self.ask(app) } }
        }
    }

    /// Asks for everyone waiting, and again for those who came while it asked, until nobody waits.
    private func ask(_ app: Application) async {
        while true {
            let batch = state.withLockedValue { state -> [Waiter] in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.asking = false } else { state.questions += 1 }
                return batch
            }
            guard !batch.isEmpty else { return }
            let answer: Result<String, any Error>
            do {
                answer = .success(try await source.read(app))
            } catch {
                answer = .failure(error)
            }
            for waiter in batch { waiter.resume(with: answer) }
        }
    }
}
