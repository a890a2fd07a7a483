/// Reads the small Chinese numerals used as heading markers (一 … 九十九).
enum ChineseNumeral {
    private static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// True when the character can appear in a numeral marker.
    static func isNumeralCharacter(_ character: Character) -> Bool {
        digits[character] != nil || character == "十" || character == "百"
    }

    /// The value of a marker such as "十二"; nil when it is not a well-formed numeral.
    static func value(of text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        var total = 0
        var current = 0
        for character in text {
            if let digit = digits[character] {
                current = digit
            } else if character == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if character == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            } else {
                return nil
            }
        }
        return total + current
    }
}
