/// The last day a task's printed 完成时限 allows: "2026年6月底" is 6月30日, "年底前" and "全年" are 12月31日,
/// "1—12月" is 12月31日, "10月8日" is that day, "上半年" 6月30日, "三季度" 9月30日. A text naming several times
/// allows until the latest of them ("5月10月8月12月" → 12月31日).
///
/// A task with no deadline is a year's task, due at the year's end; an ongoing one ("长期坚持", "持续推进") has no
/// last day at all, so it cannot be finished early or late.
public enum DeadlineDay {
    /// The last day `text` allows, in `planYear` unless the text names a year; 12月31日 of `planYear` for an
    /// empty text; nil for an ongoing task or a text that names no time.
    public static func lastDay(of text: String?, planYear: Int) -> CalendarDay? {
        let yearEnd = CalendarDay(year: planYear, month: 12, day: 31)
        guard let text else { return yearEnd }
        let compact = String(text.compactMap(normalized))
        if compact.isEmpty { return yearEnd }
        if ongoing.contains(where: { compact.contains($0) }) { return nil }
        var scanner = Scanner(characters: Array(compact), year: planYear)
        return scanner.latestDay()
    }

    /// Words of a task that runs on without an end.
    private static let ongoing = ["长期", "持续", "常态", "经常性"]

    /// Full-width digits as ASCII, Chinese month numerals kept, spaces dropped.
    private static func normalized(_ character: Character) -> Character? {
        if character.isWhitespace { return nil }
        if let scalar = character.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value),
            let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30)
        {
            return Character(ascii)
        }
        return character
    }

    /// Reads the text left to right, keeping the latest day it names; a "2027年" sets the year of what follows.
    private struct Scanner {
        let characters: [Character]
        var year: Int
        var index = 0
        var latest: CalendarDay?

        init(characters: [Character], year: Int) {
            self.characters = characters
            self.year = year
        }

        mutating func latestDay() -> CalendarDay? {
            while index < characters.count {
                if let number = readNumber() {
                    take(number)
                } else {
                    takeWord()
                }
            }
            return latest
        }

        /// A number and what follows it: 年 sets the year, 月 a month (with 日, 上旬, 中旬, 下旬 or 底).
        private mutating func take(_ number: Int) {
            guard index < characters.count else { return }
            switch characters[index] {
            case "年" where number >= 1000:
                year = number
                index += 1
            case "月" where (1...12).contains(number):
                index += 1
                let month = number
                let save = index
                if let day = readNumber(), index < characters.count,
                    characters[index] == "日" || characters[index] == "号"
                {
                    index += 1
                    note(CalendarDay(year: year, month: month, day: day))
                    return
                }
                index = save
                for (word, day) in [("上旬", 10), ("中旬", 20)] where starts(with: word) {
                    index += word.count
                    note(CalendarDay(year: year, month: month, day: day))
                    return
                }
                note(CalendarDay(year: year, month: month, day: 1)?.lastOfMonth)
            case "季" where (1...4).contains(number):
                index += 1
                note(CalendarDay(year: year, month: number * 3, day: 1)?.lastOfMonth)
            default:
                index += 1
            }
        }

        /// Words that name a time without digits.
        private mutating func takeWord() {
            let words: [(String, Int)] = [
                ("上半年", 6), ("下半年", 12), ("年底", 12), ("年末", 12), ("全年", 12), ("年内", 12), ("年度", 12),
            ]
            for (word, month) in words where starts(with: word) {
                index += word.count
                note(CalendarDay(year: year, month: month, day: 1)?.lastOfMonth)
                return
            }
            index += 1
        }

        /// Digits, or a Chinese numeral up to 十二, at the current position.
        private mutating func readNumber() -> Int? {
            var digits = ""
            while index < characters.count, let digit = characters[index].wholeNumberValue, characters[index].isASCII {
                digits.append(String(digit))
                index += 1
            }
            if !digits.isEmpty { return Int(digits.prefix(6)) }
            let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
            guard index < characters.count else { return nil }
            if characters[index] == "十" {
                index += 1
                if index < characters.count, let unit = numerals[characters[index]], unit <= 2 {
                    index += 1
                    return 10 + unit
                }
                return 10
            }
            guard let value = numerals[characters[index]] else { return nil }
            // "一季度": a numeral followed by what it counts; alone it is a word.
            guard index + 1 < characters.count, "月季".contains(characters[index + 1]) else { return nil }
            index += 1
            return value
        }

        private func starts(with word: String) -> Bool {
            let end = index + word.count
            return end <= characters.count && String(characters[index..<end]) == word
        }

        private mutating func note(_ day: CalendarDay?) {
            guard let day else { return }
            if latest.map({ day > $0 }) ?? true { latest = day }
        }
    }
}
