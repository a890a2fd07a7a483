import Foundation

/// The only bridge between calendar days and `Date`: always with an explicit time zone, because "today" for a
/// 督查室 in Wuhan is not "today" in UTC between midnight and 08:00.
extension CalendarDay {
    /// The day on which `date` falls in `timeZone` (Asia/Shanghai for every government this app serves).
    public init(date: Date, timeZone: TimeZone) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// The first instant of the day in `timeZone`: local midnight, or the first instant after it where a
    /// daylight-saving change skips midnight.
    public func startDate(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) {
            return calendar.startOfDay(for: noon)
        }
        // Calendar only fails for years it cannot represent; the fixed offset at UTC midnight is the best answer.
        let utcMidnight = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
        return utcMidnight.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: utcMidnight)))
    }
}
