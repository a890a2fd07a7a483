import Foundation

/// Decides, for every space and every conjunction inside a list item, whether it separates two names.
///
/// Table cells separate names with spaces, but the same cells wrap long names with a space in the middle
/// ("区园林和 林业局"), and text layers of PDFs join wrapped lines with a space. A space separates names only
/// when the text before it is already a complete unit and the text after it is not the rest of that unit.
enum WrapJoiner {
    /// The names in one item, in order; wrap spaces are removed.
    static func pieces(of item: String) -> [String] {
        let chunks = ListLexer.splitTopLevel(item, on: [" "]).filter { !$0.isEmpty }
        guard var current = chunks.first else { return [] }
        var result: [String] = []
        for chunk in chunks.dropFirst() {
            if separates(before: current, after: chunk) {
                result.append(current)
                current = chunk
            } else {
                current += chunk
            }
        }
        result.append(current)
        return result.flatMap(splitConjunctions)
    }

    /// True when a space between `before` and `after` separates two names.
    static func separates(before: String, after: String) -> Bool {
        guard let first = after.first, !continues(after) else { return false }
        if TextNormalizer.isOpen(first) { return false }
        if let last = before.last, TextNormalizer.isClose(last) { return true }
        let stem = withoutEtcetera(before)
        guard NameShape.isComplete(stem) else { return false }
        if spansWrappableWord(before: stem, after: after) { return false }
        return !isBarePartyCommittee(stem) || NameShape.startsLikeUnit(after)
    }

    /// True when `after` can only be the rest of the name before it: it opens with a conjunction, is made of
    /// suffix words alone ("办公室", "局"), or names a branch of the unit before it ("新洲分公司").
    private static func continues(_ after: String) -> Bool {
        if UnitVocabulary.conjunctions.contains(where: { after.bytesHasPrefix($0) }) { return true }
        if isDependent(Array(after)) { return true }
        let isBranch = UnitVocabulary.branchSuffixes.contains { after.bytesHasSuffix($0) }
        return isBranch && !NameShape.startsLikeUnit(after)
    }

    /// True when the characters can be cut entirely into words that only ever end a name.
    private static func isDependent(_ characters: [Character]) -> Bool {
        guard !characters.isEmpty, characters.count <= 16 else { return false }
        var reachable = [Bool](repeating: false, count: characters.count + 1)
        reachable[0] = true
        for start in 0..<characters.count where reachable[start] {
            for length in 1...min(6, characters.count - start)
            where UnitVocabulary.dependentWords.contains(String(characters[start..<(start + length)])) {
                reachable[start + length] = true
            }
        }
        return reachable[characters.count]
    }

    /// True when joining the two texts re-forms a word cut by the wrap ("委" + "员会办公室").
    private static func spansWrappableWord(before: String, after: String) -> Bool {
        let left = Array(before.suffix(5))
        let window = left + Array(after.prefix(5))
        let boundary = left.count
        for word in UnitVocabulary.wrappableWords {
            let letters = Array(word)
            let lowest = max(0, boundary - letters.count + 1)
            let highest = min(boundary - 1, window.count - letters.count)
            guard lowest <= highest else { continue }
            for start in lowest...highest where Array(window[start..<(start + letters.count)]) == letters {
                return true
            }
        }
        return false
    }

    /// "区委", "市委": complete on their own, but far more often the start of "区委 组织部" cut by a wrap.
    private static func isBarePartyCommittee(_ text: String) -> Bool {
        guard text.count == 2, let first = text.first else { return false }
        return UnitVocabulary.levelCharacters.contains(first) && text.bytesHasSuffix("委")
    }

    /// `text` without a trailing "等" so that "区发改局等 区财政局" still separates.
    private static func withoutEtcetera(_ text: String) -> String {
        for ending in UnitVocabulary.etceteraEndings where text.bytesHasSuffix(ending) {
            return String(text.dropLast(ending.count))
        }
        return text
    }

    /// Splits running text such as "区民政局及各街道办事处" or "区财政局和区审计局" at a conjunction that
    /// stands between a complete name and the start of another; "区自然资源和规划局" stays whole.
    static func splitConjunctions(_ piece: String) -> [String] {
        guard UnitVocabulary.conjunctions.contains(where: { piece.bytesContain($0) }) else { return [piece] }
        let characters = Array(piece)
        let brackets = BracketMap(characters)
        var parts: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            if let closing = brackets.closing(at: index) {
                current.append(contentsOf: characters[index...closing])
                index = closing + 1
                continue
            }
            let character = characters[index]
            if ["和", "及", "与"].contains(character), index + 1 < characters.count {
                let stem = character == "及" && current.bytesHasSuffix("以") ? String(current.dropLast()) : current
                let after = String(characters[(index + 1)..<min(characters.count, index + 9)])
                if NameShape.isComplete(stem), NameShape.startsLikeUnit(after) {
                    parts.append(stem)
                    current = ""
                    index += 1
                    continue
                }
            }
            current.append(character)
            index += 1
        }
        parts.append(current)
        return parts
    }
}
