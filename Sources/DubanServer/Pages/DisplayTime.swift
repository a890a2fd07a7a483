import DubanCore
import Foundation

/// Times and sizes as the pages print them: China Standard Time, the offices' clock.
enum DisplayTime {
    /// "2026-04-18 09:30". Worked out from the day and the seconds into it: a list page prints hundreds of times,
    /// and a `DateFormatter` made for each cost a page a few milliseconds in ICU.
    static func minute(_ date: Date) -> String {
        let day = CalendarDay(date: date, timeZone: AppClock.timeZone)
        let local = Int(
            (date.timeIntervalSince1970 + Double(AppClock.timeZone.secondsFromGMT(for: date))).rounded(.down))
        let minutes = (local % 86_400 + 86_400) % 86_400 / 60
        return "\(day) \(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// "1.2 MB", "35 KB".
    static func bytes(_ count: Int) -> String {
        if count >= 1024 * 1024 { return String(format: "%.1f MB", Double(count) / 1024 / 1024) }
        return "\(max(1, (count + 1023) / 1024)) KB"
    }
}
