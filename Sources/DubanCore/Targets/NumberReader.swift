/// Reads the numbers of a figure: Arabic numerals in either width, with a decimal point and thousands commas,
/// and the small Chinese numerals that count things ("两所", "三个").
enum NumberReader {
    /// A number and the index one past its last character.
    struct Number: Equatable {
        var value: Double
        var end: Int
    }

    /// The Arabic number starting at `index`: "1.2", "２０", "20,000". A comma groups digits only when exactly
    /// three digits follow, because Chinese text also uses "," between clauses ("9所公办幼儿园,新增").
    static func arabic(in text: TargetText, at index: Int) -> Number? {
        guard text.digit(at: index) != nil else { return nil }
        var digits = ""
        var position = index
        while true {
            if let digit = text.digit(at: position) {
                digits.append(Character(String(digit)))
                position += 1
            } else if text[position] == ",", isThousandsGroup(in: text, at: position + 1) {
                position += 1
            } else {
                break
            }
        }
        if text[position] == "." || text[position] == "．", text.digit(at: position + 1) != nil {
            digits.append(".")
            position += 1
            while let digit = text.digit(at: position) {
                digits.append(Character(String(digit)))
                position += 1
            }
        }
        guard let value = Double(digits) else { return nil }
        return Number(value: value, end: position)
    }

    private static func isThousandsGroup(in text: TargetText, at index: Int) -> Bool {
        (index..<index + 3).allSatisfy { text.digit(at: $0) != nil } && text.digit(at: index + 3) == nil
    }

    /// True for the characters of a small Chinese numeral.
    static func isChineseNumeral(_ character: Character?) -> Bool {
        character.map(ChineseNumeral.isNumeralCharacter) ?? false
    }

    /// The Chinese numeral starting at `index`, at most four characters ("十二", "两"); nil when the run is longer
    /// (a phrase such as "一二三产业") or not a well-formed numeral.
    static func chinese(in text: TargetText, at index: Int) -> Number? {
        var end = index
        while isChineseNumeral(text[end]) { end += 1 }
        guard end > index, end - index <= 4, let value = ChineseNumeral.value(of: text.string(index..<end)) else {
            return nil
        }
        return Number(value: Double(value), end: end)
    }

    /// Dashes and words between the two ends of a range: "5%—6%", "3至5个", "100-300名".
    private static let rangeSeparators = WordList(["——", "—", "–", "-", "－", "~", "～", "〜", "至", "到"])

    /// The second number of a range that continues at `index`, if one does.
    static func rangeEnd(in text: TargetText, at index: Int) -> Number? {
        let start = text.skippingSpaces(from: index)
        guard let separator = rangeSeparators.match(in: text, at: start) else { return nil }
        return arabic(in: text, at: text.skippingSpaces(from: start + separator.count))
    }
}
