import NIOConcurrencyHelpers
import Vapor

/// The requests being answered right now, so stopping can wait for them: a handler still running when the
/// application tears down its database pools and views fails, or stops the process ("Views not configured").
/// `serve` and the benchmarks close the listening socket, drain, then shut down.
final class InFlightRequests: Sendable {
    private let count = NIOLockedValueBox(0)

    var current: Int { count.withLockedValue { $0 } }

    func enter() { count.withLockedValue { $0 += 1 } }
    func leave() { count.withLockedValue { $0 -= 1 } }

    /// Waits until no request is being answered, or `timeout` passes.
    func drain(timeout: Duration = .seconds(30)) async {
        let deadline = ContinuousClock.now + timeout
        while current > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Counts each request in `InFlightRequests` from the moment it enters to its answer.
struct InFlightMiddleware: AsyncMiddleware {
    let requests: InFlightRequests

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        requests.enter()
        do {
            let response = try await next.respond(to: request)
            requests.leave()
            return response
        } catch {
            requests.leave()
            throw error
        }
    }
}

extension Application {
    private struct InFlightKey: StorageKey {
        typealias Value = InFlightRequests
    }

    /// The application's in-flight requests (`InFlightMiddleware` counts them).
    var inFlightRequests: InFlightRequests {
        if let known = storage[InFlightKey.self] { return known }
        let requests = InFlightRequests()
        storage[InFlightKey.self] = requests
        return requests
    }

    /// Stops accepting connections, waits for the requests being answered, then shuts the application down.
    func drainAndShutdown(timeout: Duration = .seconds(30)) async throws {
        await server.shutdown()
        await inFlightRequests.drain(timeout: timeout)
        try await asyncShutdown()
    }
}
