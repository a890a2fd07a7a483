/// Final clean-up of one name: whitespace, labels, stray punctuation and "等" removed.
enum ItemCleaner {
    /// Cleans `text` as a whole name; brackets are expected to be gone already.
    /// With `keepingBrackets`, the name's own bracketed words stay (a collective name: "各县（市、区）政府（管委会）").
    static func clean(_ text: String, keepingBrackets: Bool = false) -> String {
        var name = text.filter { !$0.isWhitespace }
        if let colon = name.lastIndex(where: { $0 == ":" }) {
            name = String(name[name.index(after: colon)...])
        }
        name = trimEdges(name, keepingBrackets: keepingBrackets)
        for ending in UnitVocabulary.dutyEndings where name.bytesHasSuffix(ending) && name.count > ending.count {
            name = String(name.dropLast(ending.count))
            break
        }
        for ending in UnitVocabulary.etceteraEndings where name.bytesHasSuffix(ending) && name.count > ending.count {
            name = String(name.dropLast(ending.count))
            break
        }
        return trimEdges(name, keepingBrackets: keepingBrackets)
    }

    /// Removes punctuation, symbols and whitespace at both ends. With `keepingBrackets`, a leading opening
    /// or trailing closing bracket stays (it belongs to a bracketed part of the name).
    static func trimEdges(_ text: String, keepingBrackets: Bool) -> String {
        func isStray(_ character: Character, keep: Character) -> Bool {
            if keepingBrackets && character == keep { return false }
            return character.isWhitespace || character.isPunctuation || character.isSymbol
        }
        // One pass from each end: repeated `dropLast()` on a Substring re-breaks graphemes from its start, which
        // is quadratic on a long run of brackets.
        guard let start = text.firstIndex(where: { !isStray($0, keep: TextNormalizer.open) }),
            let last = text.lastIndex(where: { !isStray($0, keep: TextNormalizer.close) })
        else { return "" }
        return String(text[start...last])
    }
}
