import Foundation

/// Separates a list item into its name and the bracketed text after it.
///
/// Brackets carry two different things: notes about the list ("〈含开发区、风景区管委会,下同〉"), which are
/// dropped, and other names of the same unit ("（政务服务和大数据管理局）"), which become aliases and never
/// separate units.
enum BracketExtractor {
    /// Reads one item (no spaces outside brackets are expected, though they are tolerated).
    static func extract(_ item: String) -> PendingUnit {
        // A collective name keeps what its brackets say about it: "各县（市、区）政府（管委会）" is one name.
        if UnitVocabulary.collectiveStarts.contains(where: { item.bytesHasPrefix($0) }) {
            let kept = extract(item, keepingBrackets: true)
            if kept.isCollective { return kept }
        }
        return extract(item, keepingBrackets: false)
    }

    private static func extract(_ item: String, keepingBrackets keepsBrackets: Bool) -> PendingUnit {
        let characters = Array(item)
        let brackets = BracketMap(characters)
        var base = ""
        var aliases: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if TextNormalizer.isOpen(character) {
                let closing = brackets.closing(at: index) ?? characters.count
                let content = String(characters[(index + 1)..<closing])
                if keepsBrackets, closing < characters.count, isPartOfCollectiveName(content) {
                    base += "（" + content + "）"
                } else {
                    aliases += aliasCandidates(in: content)
                }
                index = closing + 1
                continue
            }
            if !TextNormalizer.isClose(character) { base.append(character) }
            index += 1
        }
        let name = ItemCleaner.clean(base, keepingBrackets: keepsBrackets)
        return PendingUnit(base: name, aliases: aliases, isCollective: NameShape.isCollective(name))
    }

    /// Bracketed words that belong to a collective name — "（市、区）", "（管委会）", "（街道）": a few characters
    /// of level or unit words, not a note ("含开发区…，下同") and not a list of other units.
    static func isPartOfCollectiveName(_ content: String) -> Bool {
        let compact = content.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.count <= 8, !isNote(compact) else { return false }
        return compact.allSatisfy { CharacterClass.isHan($0) || $0 == "、" }
    }

    /// The aliases bracketed text gives, or nothing when it is a note. Brackets nested inside are dropped
    /// without recursion, so pathological nesting cannot exhaust the stack.
    static func aliasCandidates(in content: String) -> [String] {
        let compact = content.filter { !$0.isWhitespace }
        guard !outerText(compact).isEmpty, !isNote(compact) else { return [] }
        let parts = ListLexer.splitTopLevel(compact, on: ["、", ",", ";"])
        return parts.compactMap { part in
            var alias = ItemCleaner.clean(outerText(part))
            for leadIn in UnitVocabulary.aliasLeadIns where alias.bytesHasPrefix(leadIn) {
                alias = String(alias.dropFirst(leadIn.count))
                break
            }
            return NameShape.isComplete(alias) && alias.count >= 2 ? alias : nil
        }
    }

    /// `text` with every bracketed part (matched, or unmatched up to the end) and stray brackets removed.
    static func outerText(_ text: String) -> String {
        let characters = Array(text)
        let brackets = BracketMap(characters)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if TextNormalizer.isOpen(character) {
                index = (brackets.closing(at: index) ?? characters.count) + 1
                continue
            }
            if !TextNormalizer.isClose(character) { result.append(character) }
            index += 1
        }
        return result
    }

    /// True for bracketed text that comments on the list rather than naming the unit.
    static func isNote(_ content: String) -> Bool {
        if UnitVocabulary.noteStarts.contains(where: { content.bytesHasPrefix($0) }) { return true }
        return UnitVocabulary.noteInfixes.contains { content.bytesContain($0) }
    }
}
