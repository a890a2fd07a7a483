import DubanCore
import Foundation
import Testing

/// Quarters, months and the whole-year report: bounds, labels and navigation.
@Suite("Reporting periods")
struct ReportingPeriodTests {
    @Test("Indexes outside the cycle and misplaced whole-year flags are refused")
    func validation() {
        #expect(ReportingPeriod.quarter(0, of: 2026) == nil)
        #expect(ReportingPeriod.quarter(5, of: 2026) == nil)
        #expect(ReportingPeriod.month(12, of: 2026) != nil)
        #expect(ReportingPeriod.month(13, of: 2026) == nil)
        #expect(ReportingPeriod(year: 2026, cycle: .quarterly, index: 3, coversWholeYear: true) == nil)
        #expect(ReportingPeriod(year: 2026, cycle: .monthly, index: 12, coversWholeYear: true) != nil)
    }

    @Test(
        "Labels",
        arguments: [
            (ReportingPeriod.quarter(1, of: 2026), "2026年第一季度", "第一季度"),
            (ReportingPeriod.quarter(4, of: 2026), "2026年第四季度", "第四季度"),
            (ReportingPeriod.wholeYear(2026), "2026年全年", "全年"),
            (ReportingPeriod.month(3, of: 2026), "2026年3月", "3月"),
            (ReportingPeriod.month(12, of: 2026), "2026年12月", "12月"),
        ])
    func labels(period: ReportingPeriod?, label: String, shortLabel: String) throws {
        let period = try #require(period)
        #expect(period.label == label)
        #expect(period.shortLabel == shortLabel)
    }

    @Test("First and last days, including leap February and the whole year")
    func bounds() throws {
        #expect(ReportingPeriod.q(1, 2026).firstDay == .iso("2026-01-01"))
        #expect(ReportingPeriod.q(1, 2026).lastDay == .iso("2026-03-31"))
        #expect(ReportingPeriod.q(2, 2026).lastDay == .iso("2026-06-30"))
        #expect(ReportingPeriod.q(4, 2026).firstDay == .iso("2026-10-01"))
        #expect(ReportingPeriod.q(4, 2026).lastDay == .iso("2026-12-31"))
        let february = try #require(ReportingPeriod.month(2, of: 2024))
        #expect(february.lastDay == .iso("2024-02-29"))
        let wholeYear = try #require(ReportingPeriod.wholeYear(2023))
        #expect(wholeYear.firstDay == .iso("2023-01-01"))
        #expect(wholeYear.lastDay == .iso("2023-12-31"))
        #expect(wholeYear.contains(.iso("2023-05-01")))
        #expect(!ReportingPeriod.q(4, 2023).contains(.iso("2023-05-01")))
    }

    @Test("Previous and next cross the year")
    func navigation() throws {
        #expect(ReportingPeriod.q(1, 2026).previous == .q(4, 2025))
        #expect(ReportingPeriod.q(4, 2026).next == .q(1, 2027))
        #expect(ReportingPeriod.q(2, 2026).next == .q(3, 2026))
        let december = try #require(ReportingPeriod.month(12, of: 2026))
        #expect(december.next == ReportingPeriod.month(1, of: 2027))
        #expect(ReportingPeriod.month(1, of: 2027)?.previous == december)
        let wholeYear = try #require(ReportingPeriod.wholeYear(2023))
        #expect(wholeYear.previous == .q(3, 2023))
        #expect(wholeYear.next == .q(1, 2024))
    }

    @Test("The period containing a day")
    func containing() {
        #expect(ReportingPeriod.containing(.iso("2026-04-01"), cycle: .quarterly) == .q(2, 2026))
        #expect(ReportingPeriod.containing(.iso("2026-03-31"), cycle: .quarterly) == .q(1, 2026))
        #expect(ReportingPeriod.containing(.iso("2026-12-31"), cycle: .monthly) == ReportingPeriod.month(12, of: 2026))
    }

    @Test("Codable, refusing impossible periods")
    func codable() throws {
        let wholeYear = try #require(ReportingPeriod.wholeYear(2023))
        let data = try JSONEncoder().encode(wholeYear)
        #expect(try JSONDecoder().decode(ReportingPeriod.self, from: data) == wholeYear)
        let bad = Data(#"{"year": 2023, "cycle": "quarterly", "index": 5}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportingPeriod.self, from: bad) }
        let old = Data(#"{"year": 2023, "cycle": "monthly", "index": 5}"#.utf8)
        #expect(try JSONDecoder().decode(ReportingPeriod.self, from: old) == ReportingPeriod.month(5, of: 2023))
    }
}
