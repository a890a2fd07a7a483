/// Finds and tidies the words a figure measures.
enum TargetLabel {
    /// Where the label before a figure starts: back to the previous clause separator, the end of the previous
    /// target, or the start of the text. Brackets are stepped over whole, so "(乳腺癌、宫颈癌)" stays in.
    static func start(in text: TargetText, before index: Int, lowerBound: Int) -> Int {
        var position = index
        while position > lowerBound {
            let character = text.characters[position - 1]
            if isClosingRound(character), let opening = matchingOpening(in: text, before: position - 1, lowerBound) {
                position = opening
                continue
            }
            if TargetText.isSeparator(character) { break }
            position -= 1
        }
        return position
    }

    /// The start of the clause before the one starting at `index`, when a comma separates them: "共计24万人以上"
    /// measures the clause before it.
    static func previousClauseStart(in text: TargetText, before index: Int, lowerBound: Int) -> Int? {
        guard index - 1 > lowerBound, let separator = text[index - 1], separator == "，" || separator == "," else {
            return nil
        }
        return start(in: text, before: index - 1, lowerBound: lowerBound)
    }

    /// The counted thing after a figure ("新建15个口袋公园，" → "口袋公园"): up to a separator, a "、" that starts the
    /// next figure of a list, or the next figure. Words that run straight into the next figure label that figure
    /// instead ("巡查2次完成率≥90%"), unless a list word ends them ("10座陆地消防站和1座水上消防站").
    static func noun(in text: TargetText, from index: Int) -> Range<Int> {
        var position = index
        while position < text.count, !startsFigure(in: text, at: position) {
            let character = text.characters[position]
            if TargetText.isSeparator(character) { break }
            if character == "、", nextSegmentHasDigit(in: text, after: position) { break }
            if isOpeningRound(character), let closing = matchingClosing(in: text, after: position) {
                position = closing + 1
                continue
            }
            position += 1
        }
        guard startsFigure(in: text, at: position) else { return index..<position }
        var end = position
        if let (_, start) = ComparisonWords.prefix(in: text, before: end), start >= index { end = start }
        guard let link = listLinks.match(in: text, endingAt: end) else { return index..<index }
        return index..<max(index, end - link.count)
    }

    private static let listLinks = WordList(["和", "及", "以及", "与", "、"])

    /// True at a digit that starts a figure, not one inside a name such as "5G".
    static func startsFigure(in text: TargetText, at index: Int) -> Bool {
        guard text.digit(at: index) != nil, !text.isLetter(at: index - 1) else { return false }
        var end = index
        while text.digit(at: end) != nil || text[end] == "." { end += 1 }
        return !text.isLetter(at: end)
    }

    private static func nextSegmentHasDigit(in text: TargetText, after index: Int) -> Bool {
        var position = index + 1
        while position < text.count, !TargetText.isSeparator(text.characters[position]), text[position] != "、" {
            if startsFigure(in: text, at: position) { return true }
            position += 1
        }
        return false
    }

    /// The label's words without list markers, leading dates, connectives and the words a comparison leaves
    /// behind: "1.力争年内实现车光产业产值" → "车光产业产值".
    static func clean(_ words: ArraySlice<Character>) -> [Character] {
        var label = Array(words)
        while true {
            let before = label
            label = trimmedSpaces(label)
            label = LabelMarkers.droppingListMarker(label)
            label = LabelMarkers.droppingLeadingDate(label)
            if let word = LabelWords.leadingConnectives.prefix(of: label) { label.removeFirst(word.count) }
            if let word = LabelWords.trailingWords.suffix(of: label), word.count < label.count {
                label.removeLast(word.count)
            }
            if label == before { return label }
        }
    }

    private static func trimmedSpaces(_ label: [Character]) -> [Character] {
        Array(label.drop(while: CharacterClass.isSpace).reversed().drop(while: CharacterClass.isSpace).reversed())
    }

    private static func isClosingRound(_ character: Character) -> Bool {
        character == ")" || character == "）" || character == "﹚"
    }

    static func isOpeningRound(_ character: Character) -> Bool {
        character == "(" || character == "（" || character == "﹙"
    }

    private static func matchingOpening(in text: TargetText, before index: Int, _ lowerBound: Int) -> Int? {
        var depth = 0
        var position = index
        while position >= lowerBound, let character = text[position] {
            if isClosingRound(character) { depth += 1 }
            if isOpeningRound(character) {
                depth -= 1
                if depth == 0 { return position }
            }
            if TargetText.isSentenceEnd(character) { return nil }
            position -= 1
        }
        return nil
    }

    static func matchingClosing(in text: TargetText, after index: Int) -> Int? {
        var depth = 0
        var position = index
        while let character = text[position] {
            if isOpeningRound(character) { depth += 1 }
            if isClosingRound(character) {
                depth -= 1
                if depth == 0 { return position }
            }
            if TargetText.isSentenceEnd(character) { return nil }
            position += 1
        }
        return nil
    }
}
