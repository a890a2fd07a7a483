import Fluent
import Foundation

/// Refuses sign-in for a while after repeated failures for one username from one address. Attempts are
/// counted in the database, so every server process sharing it sees the same count; a successful sign-in
/// starts the count afresh. Refused attempts are not recorded, so waiting out the lock always works.
struct LoginThrottle {
    /// How many failures within which window lock for how long.
    struct Rule: Sendable, Equatable {
        var maxFailures: Int
        var window: TimeInterval
        var lockout: TimeInterval

        /// 5 failures within 15 minutes lock for 15 minutes.
        static let standard = Rule(maxFailures: 5, window: 15 * 60, lockout: 15 * 60)

        /// Until when sign-in is refused, given the failures since the last success in ascending order; nil
        /// when it is allowed now. Any `maxFailures` consecutive failures within `window` lock until
        /// `lockout` after the last of them.
        func lockedUntil(failures: [Date], now: Date) -> Date? {
            guard maxFailures > 0, failures.count >= maxFailures else { return nil }
            var latest: Date?
            for start in 0...(failures.count - maxFailures) {
                let end = failures[start + maxFailures - 1]
                guard end.timeIntervalSince(failures[start]) <= window else { continue }
                let until = end.addingTimeInterval(lockout)
                if until > now, latest.map({ until > $0 }) ?? true { latest = until }
            }
            return latest
        }
    }

    let database: any Database
    let rule: Rule
    let now: Date

    /// Until when `username` from `address` is refused, or nil.
    func lockedUntil(username: String, address: String) async throws -> Date? {
        let horizon = now.addingTimeInterval(-(rule.window + rule.lockout))
        let recent = try await LoginAttempt.query(on: database)
            .filter(\.$username == username).filter(\.$ipAddress == address)
            .filter(\.$attemptedAt > horizon)
            .sort(\.$attemptedAt).all()
        let lastSuccess = recent.last(where: \.succeeded)?.attemptedAt
        let failures = recent.filter { attempt in
            !attempt.succeeded && (lastSuccess.map { attempt.attemptedAt > $0 } ?? true)
        }
        return rule.lockedUntil(failures: failures.map(\.attemptedAt), now: now)
    }

    /// Records an attempt, and forgets attempts older than a day so the table stays small.
    func record(username: String, address: String, succeeded: Bool) async throws {
        try await LoginAttempt(username: username, ipAddress: address, succeeded: succeeded, attemptedAt: now)
            .create(on: database)
        try await LoginAttempt.query(on: database).filter(\.$attemptedAt < now.addingTimeInterval(-86_400))
            .delete()
    }
}
