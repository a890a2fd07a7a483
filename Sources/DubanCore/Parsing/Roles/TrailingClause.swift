/// Finds the role statement a document attaches to the end of a task or heading — "…。(牵头单位:…;责任单位:…)"
/// — and separates it from the task's own words.
enum TrailingClause {
    /// The text without its trailing role clauses, and the roles they state (nil when there is none).
    static func split(_ text: String) -> (body: String, clause: RoleClause?) {
        var body = Substring(text)
        var found: RoleClause?
        while let (rest, clause) = peel(body) {
            body = rest
            if var earlier = found {
                // Several clauses at the end: the leftmost is read first, later ones add to it.
                var roles = clause.roles
                roles.absorb(earlier.roles)
                earlier.roles = roles
                earlier.appliesToPrevious = earlier.appliesToPrevious ?? clause.appliesToPrevious
                earlier.cutShort = earlier.cutShort || clause.cutShort
                found = earlier
            } else {
                found = clause
            }
        }
        return (found == nil ? text : body.trimmingCharacters(in: ""), found)
    }

    /// Removes one clause from the end of `text`.
    private static func peel(_ text: Substring) -> (Substring, RoleClause)? {
        let trimmed = text.trimmingCharacters(in: "。；;，,")
        let slice = Substring(trimmed)
        guard let last = slice.last else { return nil }
        if isClosing(last), let open = matchingOpen(in: slice) {
            let inner = slice[slice.index(after: open)..<slice.index(before: slice.endIndex)]
            if let clause = RoleClause.parse(inner) {
                return (slice[..<open], clause)
            }
            // Only units in a bracket after the task's last sentence: a bare list of who does it.
            // Only units in a bracket at the end of a task: a bare list of who does it — after the task's
            // last sentence, or naming several units (one name in brackets may be another name of a place).
            let before = slice[..<open].trimmingCharacters(in: " ").last
            if let clause = RoleClause.bareList(inner),
                before.map({ "。；;".contains($0) }) == true || clause.roles.allUnits.count >= 2
            {
                return (slice[..<open], clause)
            }
            return nil
        }
        return unclosed(slice)
    }

    /// A clause whose closing bracket was lost at a page end: "…(责任单位:区财政局,区直各相关部门" — or whose
    /// text stops mid-word where an excerpt was cut: "…省统计局等按职责分", "…省住建厅、".
    private static func unclosed(_ text: Substring) -> (Substring, RoleClause)? {
        guard let open = text.lastIndex(where: CharacterClass.isOpenParen) else { return nil }
        let inner = text[text.index(after: open)...]
        guard !inner.contains(where: CharacterClass.isCloseParen) else { return nil }
        if let clause = RoleClause.parse(inner) { return (text[..<open], clause) }
        guard var clause = RoleClause.parse(completed(inner)) else { return nil }
        clause.cutShort = true
        return (text[..<open], clause)
    }

    /// The phrases a sentence-form clause ends with, which a cut leaves half-written (at least two of their
    /// characters, and not all, still printed).
    private static let closingPhrases = ["按职责分工负责", "按职责分工落实", "按照职责分工负责", "按职责负责"]

    /// A cut clause made whole: a half-written closing phrase completed, a dangling separator dropped.
    private static func completed(_ inner: Substring) -> String {
        var text = String(inner).trimmingCharacters(in: "、，,；;：: ")
        let simplified = RoleKeyword.simplified(text)
        for phrase in closingPhrases {
            let characters = Array(phrase)
            for length in stride(from: characters.count - 1, through: 2, by: -1)
            where simplified.hasSuffix(String(characters[..<length])) {
                return String(text.dropLast(length)) + phrase
            }
        }
        if text.hasSuffix("等") { text += "按职责分工负责" }
        return text
    }

    /// Round brackets in either width, and the square ones a plan uses when a unit name inside holds round
    /// ones: "[牵头单位:县发改局(粮食局);责任单位:…]".
    private static func isOpening(_ character: Character) -> Bool {
        CharacterClass.isOpenParen(character) || "[［【".contains(character)
    }

    private static func isClosing(_ character: Character) -> Bool {
        CharacterClass.isCloseParen(character) || "]］】".contains(character)
    }

    /// The index of the bracket that opens the one closing `text`, counting nested pairs of either width.
    private static func matchingOpen(in text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            let character = text[index]
            if isClosing(character) {
                depth += 1
            } else if isOpening(character) {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }
}
