/// A task's text as an array of Characters, so the extractor can look back and forth by Character offset (the
/// offsets `QuantifiedTarget.range` reports) with the few character tests it repeats at every position.
struct TargetText {
    let characters: [Character]

    init(_ text: String) {
        characters = Array(text)
    }

    var count: Int { characters.count }

    /// The character at `index`, or nil outside the text, so callers can probe neighbours without bounds checks.
    subscript(index: Int) -> Character? {
        characters.indices.contains(index) ? characters[index] : nil
    }

    /// The characters of `range` as a String.
    func string(_ range: Range<Int>) -> String {
        String(characters[range.clamped(to: 0..<count)])
    }

    /// ASCII or full-width digit value at `index`.
    func digit(at index: Int) -> Int? {
        self[index].flatMap(CharacterClass.digitValue)
    }

    /// True for a Han ideograph at `index`.
    func isHan(at index: Int) -> Bool {
        self[index].map(CharacterClass.isHan) ?? false
    }

    /// True for an ASCII letter at `index`: figures glued to letters are names ("PM2.5", "5G", "G318").
    func isLetter(at index: Int) -> Bool {
        guard let character = self[index], let ascii = character.asciiValue else { return false }
        return (65...90).contains(ascii) || (97...122).contains(ascii)
    }

    /// True for any kind of space at `index`.
    func isSpace(at index: Int) -> Bool {
        self[index].map(CharacterClass.isSpace) ?? false
    }

    /// The first index at or after `index` that is not a space: PDF text often spaces figures apart.
    func skippingSpaces(from index: Int) -> Int {
        var position = index
        while isSpace(at: position) { position += 1 }
        return position
    }

    /// The first index of the run of spaces that ends right before `index`.
    func skippingSpaces(before index: Int) -> Int {
        var position = index
        while position > 0, isSpace(at: position - 1) { position -= 1 }
        return position
    }

    /// True when `word` appears at `index`.
    func has(_ word: [Character], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        for offset in word.indices where characters[index + offset] != word[offset] { return false }
        return true
    }

    /// True when `word` ends right before `end`.
    func has(_ word: [Character], endingAt end: Int) -> Bool {
        has(word, at: end - word.count)
    }

    /// Clause separators: a label never reaches back over one of these.
    static func isSeparator(_ character: Character) -> Bool {
        switch character {
        case "，", ",", "；", ";", "。", "：", ":", "！", "!", "？", "?", "\n", "\r": true
        default: false
        }
    }

    /// Separators that end a sentence: cascade markers and brackets do not carry over them.
    static func isSentenceEnd(_ character: Character) -> Bool {
        switch character {
        case "。", "；", ";", "\n", "\r", "！", "？": true
        default: false
        }
    }
}

/// A vocabulary of words, tried longest first so "不超过" wins over "超过" and "个工作日" over "个".
struct WordList: Sendable {
    private let words: [[Character]]

    init(_ words: [String]) {
        self.words = words.map(Array.init).sorted { $0.count > $1.count }
    }

    /// The longest word that starts at `index`.
    func match(in text: TargetText, at index: Int) -> [Character]? {
        words.first { text.has($0, at: index) }
    }

    /// The longest word that ends right before `end`.
    func match(in text: TargetText, endingAt end: Int) -> [Character]? {
        words.first { text.has($0, endingAt: end) }
    }

    /// The longest word `string` begins with.
    func prefix(of string: [Character]) -> [Character]? {
        words.first { string.starts(with: $0) }
    }

    /// The longest word `string` ends with.
    func suffix(of string: [Character]) -> [Character]? {
        words.first { string.count >= $0.count && Array(string.suffix($0.count)) == $0 }
    }
}
