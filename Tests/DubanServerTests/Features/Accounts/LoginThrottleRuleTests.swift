@testable import DubanServer
import Foundation
import Testing

/// The throttle's rule on its own: which failures lock, and until when.
@Suite("Login throttle rule")
struct LoginThrottleRuleTests {
    let rule = LoginThrottle.Rule.standard
    let start = Date(timeIntervalSince1970: 1_000_000)

    private func minutes(_ values: Double...) -> [Date] { values.map { start.addingTimeInterval($0 * 60) } }

    @Test("Four failures never lock")
    func fourFailures() {
        #expect(rule.lockedUntil(failures: minutes(0, 1, 2, 3), now: start.addingTimeInterval(4 * 60)) == nil)
    }

    @Test("Five failures within 15 minutes lock for 15 minutes after the fifth")
    func fiveFailures() {
        let failures = minutes(0, 1, 2, 3, 10)
        #expect(
            rule.lockedUntil(failures: failures, now: start.addingTimeInterval(11 * 60))
                == start.addingTimeInterval(25 * 60))
        #expect(rule.lockedUntil(failures: failures, now: start.addingTimeInterval(24.9 * 60)) != nil)
        #expect(rule.lockedUntil(failures: failures, now: start.addingTimeInterval(25 * 60)) == nil)
    }

    @Test("Five failures spread over more than 15 minutes do not lock")
    func spreadOut() {
        #expect(rule.lockedUntil(failures: minutes(0, 5, 10, 14, 16), now: start.addingTimeInterval(17 * 60)) == nil)
    }

    @Test("The lock holds until its end even when the window has slid past the first failures")
    func lockOutlivesWindow() {
        // Failures at 0…3 and 14: locked until 29; at 20 the last 15 minutes hold only two of them.
        let failures = minutes(0, 1, 2, 3, 14)
        #expect(
            rule.lockedUntil(failures: failures, now: start.addingTimeInterval(20 * 60))
                == start.addingTimeInterval(29 * 60))
    }
}
