import DubanCore
import Foundation
import Vapor

/// Where the application reads the time. Everything about due days, lateness, reminders and lights asks this
/// clock rather than `Date()` (it wraps the same `WallClock` the accounts use), so a test can run a whole reporting year in seconds by moving it.
struct AppClock: Sendable {
    /// The office's time zone: due days are calendar days in China.
    static let timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current

    private let source: any WallClock

    init(_ source: any WallClock) {
        self.source = source
    }

    /// The real time.
    static let system = AppClock(SystemClock())

    /// The current instant.
    func now() -> Date { source.now }

    /// The current calendar day in the office's time zone.
    func today() -> CalendarDay { CalendarDay(date: now(), timeZone: Self.timeZone) }

    /// `hour` o'clock on `day` in the office's time zone.
    static func moment(_ day: CalendarDay, hour: Int) -> Date {
        day.startDate(in: timeZone).addingTimeInterval(TimeInterval(hour * 3600))
    }
}

extension ManualClock {
    /// Sets the clock to `hour` o'clock on `day` in the office's time zone (never backwards).
    func set(_ day: CalendarDay, hour: Int = 9) {
        let target = AppClock.moment(day, hour: hour)
        advance(by: max(0, target.timeIntervalSince(now)))
    }
}

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = AppClock
    }

    /// The application's clock: the accounts' clock (so a test moves sessions, throttling and reporting
    /// together) unless replaced.
    var clock: AppClock {
        get { storage[ClockKey.self] ?? AppClock(accounts.clock) }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// The application's clock.
    var clock: AppClock { application.clock }
}
