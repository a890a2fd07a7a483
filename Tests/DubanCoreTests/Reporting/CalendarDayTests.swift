import DubanCore
import Foundation
import Testing

/// Calendar days: validation, arithmetic across month, year and leap-day boundaries, text forms and the `Date`
/// bridge.
@Suite("Calendar days")
struct CalendarDayTests {
    @Test(
        "Only existing days can be made",
        arguments: [
            (2024, 2, 29, true), (2023, 2, 29, false), (2000, 2, 29, true), (1900, 2, 29, false), (2026, 4, 30, true),
            (2026, 4, 31, false), (2026, 12, 31, true), (2026, 13, 1, false), (2026, 0, 10, false), (2026, 1, 0, false),
            (0, 1, 1, false), (10_000, 1, 1, false),
        ])
    func validation(year: Int, month: Int, day: Int, exists: Bool) {
        #expect((CalendarDay(year: year, month: month, day: day) != nil) == exists)
    }

    @Test("Adding days crosses months, years and leap days")
    func addingDays() {
        #expect(CalendarDay.iso("2026-04-20").adding(days: -3) == .iso("2026-04-17"))
        #expect(CalendarDay.iso("2026-12-31").adding(days: 1) == .iso("2027-01-01"))
        #expect(CalendarDay.iso("2024-02-28").adding(days: 1) == .iso("2024-02-29"))
        #expect(CalendarDay.iso("2023-02-28").adding(days: 1) == .iso("2023-03-01"))
        #expect(CalendarDay.iso("2024-03-01").adding(days: -1) == .iso("2024-02-29"))
        #expect(CalendarDay.iso("2026-01-01").adding(days: 365) == .iso("2027-01-01"))
        #expect(CalendarDay.iso("2024-01-01").adding(days: 366) == .iso("2025-01-01"))
        #expect(CalendarDay.iso("1969-12-31").adding(days: 1) == .iso("1970-01-01"))
        #expect(CalendarDay.iso("2026-04-20").adding(days: 0) == .iso("2026-04-20"))
    }

    @Test("Days until is signed and exact over long spans")
    func daysUntil() {
        #expect(CalendarDay.iso("2026-04-17").days(until: .iso("2026-04-20")) == 3)
        #expect(CalendarDay.iso("2026-04-23").days(until: .iso("2026-04-20")) == -3)
        #expect(CalendarDay.iso("2026-04-20").days(until: .iso("2026-04-20")) == 0)
        #expect(CalendarDay.iso("2000-01-01").days(until: .iso("2100-01-01")) == 36_525)
        #expect(CalendarDay.iso("1970-01-01").days(until: .iso("2026-04-20")) == 20_563)
    }

    @Test("Every day of four years round-trips through its day count")
    func roundTrip() {
        var day = CalendarDay.iso("2023-01-01")
        for _ in 0..<(365 * 4 + 1) {
            let next = day.adding(days: 1)
            #expect(day.days(until: next) == 1)
            #expect(day < next)
            #expect(CalendarDay(year: next.year, month: next.month, day: next.day) == next)
            day = next
        }
        #expect(day == .iso("2027-01-01"))
    }

    @Test("Adding months clamps to the shorter month")
    func addingMonths() {
        #expect(CalendarDay.iso("2026-01-31").adding(months: 1) == .iso("2026-02-28"))
        #expect(CalendarDay.iso("2024-01-31").adding(months: 1) == .iso("2024-02-29"))
        #expect(CalendarDay.iso("2026-11-20").adding(months: 2) == .iso("2027-01-20"))
        #expect(CalendarDay.iso("2026-01-20").adding(months: -1) == .iso("2025-12-20"))
    }

    @Test("Text forms")
    func text() {
        let day = CalendarDay.iso("2026-04-20")
        #expect(day.description == "2026-04-20")
        #expect(day.chinese == "2026年4月20日")
        #expect(day.chineseMonthDay == "4月20日")
        #expect(CalendarDay("2026-4-5") == CalendarDay(year: 2026, month: 4, day: 5))
        #expect(CalendarDay(" 2026-04-20 ") == day)
        for bad in ["2026-02-30", "2026/04/20", "26-04-20", "2026-04", "2026-04-20-1", "", "２０２６-04-20", "2026-+4-20"] {
            #expect(CalendarDay(bad) == nil, "\(bad)")
        }
    }

    @Test("Codable as the ISO string, refusing days that do not exist")
    func codable() throws {
        let data = try JSONEncoder().encode([CalendarDay.iso("2024-02-29")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-29"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [.iso("2024-02-29")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
    }

    @Test("The Date bridge uses the given time zone")
    func dates() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        // 2026-04-19 20:30 UTC is already 04:30 on the 20th in Beijing.
        let instant = Date(timeIntervalSince1970: 1_776_630_600)
        #expect(CalendarDay(date: instant, timeZone: utc) == .iso("2026-04-19"))
        #expect(CalendarDay(date: instant, timeZone: shanghai) == .iso("2026-04-20"))

        let midnight = CalendarDay.iso("2026-04-20").startDate(in: shanghai)
        #expect(midnight.timeIntervalSince1970 == 1_776_614_400)
        #expect(CalendarDay(date: midnight, timeZone: shanghai) == .iso("2026-04-20"))
        #expect(CalendarDay(date: midnight.addingTimeInterval(-1), timeZone: shanghai) == .iso("2026-04-19"))
        #expect(CalendarDay(date: Date(timeIntervalSince1970: -1), timeZone: utc) == .iso("1969-12-31"))
    }

    @Test("Start of day across a daylight-saving change")
    func daylightSaving() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        // 2026-03-08 is the spring-forward day: midnight is still 05:00 UTC, the next midnight only 23 h later.
        let start = CalendarDay.iso("2026-03-08").startDate(in: newYork)
        let next = CalendarDay.iso("2026-03-09").startDate(in: newYork)
        #expect(next.timeIntervalSince(start) == 23 * 3600)
        #expect(CalendarDay(date: start, timeZone: newYork) == .iso("2026-03-08"))
        #expect(CalendarDay(date: next.addingTimeInterval(-1), timeZone: newYork) == .iso("2026-03-08"))
    }
}
