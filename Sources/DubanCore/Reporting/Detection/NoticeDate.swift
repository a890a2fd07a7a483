/// A date printed in a notice — "2023年4月5日", "7月5日", "次年1月5日" — with where it ends, so readers can look at
/// what follows ("前", the periods it is for).
struct NoticeDate {
    /// The printed year, if any.
    var year: Int?
    /// True for "次年"/"翌年": the year after the previous date's.
    var nextYear: Bool
    var month: Int
    var day: Int
    /// The position just after "日".
    var end: String.Index
    /// True when "前", "以前" or "之前" follows: a deadline rather than an event.
    var isDeadline: Bool

    /// Every date in the sentence, in order.
    static func all(in sentence: String) -> [NoticeDate] {
        sentence.matches(of: /(?:(\d{4})年|(次年|翌年))?(\d{1,2})月(\d{1,2})日/).compactMap { match in
            guard let month = Int(match.3), let day = Int(match.4) else { return nil }
            let after = sentence[match.range.upperBound...]
            return NoticeDate(
                year: match.1.flatMap { Int($0) }, nextYear: match.2 != nil, month: month, day: day,
                end: match.range.upperBound,
                isDeadline: after.hasPrefix("前") || after.hasPrefix("以前") || after.hasPrefix("之前"))
        }
    }

    /// The first year printed in the sentence ("2022年"), the best guess at the plan year when none is given.
    static func firstYear(in sentence: String) -> Int? {
        sentence.firstMatch(of: /(\d{4})年/).flatMap { Int($0.1) }
    }

    /// The dates as month-days relative to the plan year. A date without a year is in the previous date's year,
    /// or the next one when its month comes earlier ("10月5日、1月5日"); without a plan year the first date's
    /// year stands in for it.
    static func monthDays(_ dates: [NoticeDate], planYear: Int?) -> [MonthDay] {
        let base = planYear ?? dates.first(where: { $0.year != nil })?.year
        var offset = 0
        var previousMonth = 0
        return dates.compactMap { date in
            if let year = date.year, let base {
                offset = year - base
            } else if date.nextYear || date.month < previousMonth {
                offset += 1
            }
            previousMonth = date.month
            return MonthDay(month: date.month, day: date.day, yearOffset: offset)
        }
    }
}
