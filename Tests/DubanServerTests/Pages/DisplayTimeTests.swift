@testable import DubanServer
import Foundation
import Testing

/// Times print in China Standard Time whatever the server's zone, to the minute, cut (not rounded) as a clock is.
@Suite("Display time")
struct DisplayTimeTests {
    @Test(
        "Minutes in Beijing time, across midnight, before 1970 and at the last second of a minute",
        arguments: [
            (1_776_475_800.0, "2026-04-18 09:30"),  // 01:30 UTC
            (1_776_527_999.0, "2026-04-18 23:59"),  // 15:59:59 UTC
            (1_776_528_000.0, "2026-04-19 00:00"),  // 16:00 UTC: the next day in Beijing
            (-1.0, "1970-01-01 07:59"),
            (0.0, "1970-01-01 08:00"),
        ])
    func minutes(seconds: Double, expected: String) {
        #expect(DisplayTime.minute(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
