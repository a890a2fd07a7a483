import Foundation

/// A day on the civil (Gregorian) calendar, without a time or a time zone.
///
/// Deadlines such as "4月20日前" name days, not instants. Keeping them as plain year-month-day values avoids the
/// usual `Date` traps — a deadline that moves when the server's time zone changes, "add 86,400 seconds" across a
/// daylight-saving change, comparing a midnight in Beijing with one in UTC — and makes every rule testable
/// without a clock. Convert to and from `Date` only at the edges, with an explicit time zone.
public struct CalendarDay: Sendable, Hashable {
    /// The year, 1–9999 for days that were created or parsed (arithmetic far outside that range is not checked).
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31, never past the month's last day.
    public let day: Int

    /// Creates a day, or nil when the date does not exist (2月30日, 2025年2月29日) or the year is outside 1–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.numberOfDays(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// For values already known to be valid (computed from a day number or clamped to the month).
    init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day's month and day clamped to the month's length: used where a rule says "the 31st" or "2月29日" and a
    /// shorter month must still have a deadline (its last day).
    static func clamped(year: Int, month: Int, day: Int) -> CalendarDay {
        let last = numberOfDays(inMonth: month, year: year)
        return CalendarDay(checkedYear: year, month: month, day: min(max(day, 1), last))
    }

    /// True for Gregorian leap years (every 4th year, except centuries not divisible by 400).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year (28–31); 31 for a month outside 1–12, so callers clamp safely.
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The first day of the month.
    public var firstOfMonth: CalendarDay { CalendarDay(checkedYear: year, month: month, day: 1) }

    /// The last day of the month.
    public var lastOfMonth: CalendarDay {
        CalendarDay(checkedYear: year, month: month, day: Self.numberOfDays(inMonth: month, year: year))
    }

    /// The Chinese form shown to users: "2026年4月20日".
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// The Chinese form without the year, for text where the year is obvious: "4月20日".
    public var chineseMonthDay: String { "\(month)月\(day)日" }
}

extension CalendarDay: Comparable {
    /// Chronological order.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDay: LosslessStringConvertible {
    /// ISO 8601 "2026-04-20", the form stored in JSON and databases.
    public var description: String {
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return "\(paddedYear)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Parses "2026-04-20" (a four-digit year; the month and day may drop their leading zero, as people type
    /// them). Nil for anything else, including days that do not exist.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

extension CalendarDay: Codable {
    /// Decodes the ISO string form, rejecting days that do not exist.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a calendar day: \(text)")
        }
        self = day
    }

    /// Encodes as "2026-04-20" so stored rules and reports stay readable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
