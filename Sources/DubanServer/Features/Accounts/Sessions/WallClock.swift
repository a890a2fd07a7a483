import Foundation
import NIOConcurrencyHelpers

/// The time of day, behind a protocol so tests can move it (throttle windows, session lifetimes) instead of
/// sleeping.
protocol WallClock: Sendable {
    var now: Date { get }
}

/// The real clock.
struct SystemClock: WallClock {
    var now: Date { Date() }
}

/// A clock that stands still until moved; for tests and for anything that must replay time.
final class ManualClock: WallClock {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        current = NIOLockedValueBox(start)
    }

    var now: Date { current.withLockedValue { $0 } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) {
        current.withLockedValue { $0 += seconds }
    }
}
