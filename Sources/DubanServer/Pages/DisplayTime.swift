import Foundation

/// Times and sizes as the pages print them: China Standard Time, the offices' clock.
enum DisplayTime {
    /// "2026-04-18 09:30".
    static func minute(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = AppClock.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// "1.2 MB", "35 KB".
    static func bytes(_ count: Int) -> String {
        if count >= 1024 * 1024 { return String(format: "%.1f MB", Double(count) / 1024 / 1024) }
        return "\(max(1, (count + 1023) / 1024)) KB"
    }
}
