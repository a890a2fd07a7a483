/// Character-level clean-up applied before a list is read.
///
/// Documents reach us from Word, PDF text layers and web pages, so the same list arrives with full-width
/// letters, ideographic spaces, six kinds of brackets and left-over HTML tags. Folding all of that into one
/// alphabet first keeps the list grammar small.
enum TextNormalizer {
    /// The bracket every opening bracket is folded into.
    static let open: Character = "（"
    /// The bracket every closing bracket is folded into.
    static let close: Character = "）"

    private static let openings: Set<Character> = ["(", "（", "〈", "<", "＜", "〔", "[", "【", "［", "{", "｛", "⟨", "〖"]
    private static let closings: Set<Character> = [")", "）", "〉", ">", "＞", "〕", "]", "】", "］", "}", "｝", "⟩", "〗"]
    private static let invisibles: Set<Character> = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}",
    ]

    /// Full text preparation: markup removed, widths folded, brackets unified, every whitespace run
    /// turned into one ASCII space. Separators stay in place (`，` becomes `,`, `；` becomes `;`).
    static func prepare(_ text: String) -> String {
        let folded = foldWidth(text)
        let unmarked = stripMarkup(folded)
        var result = ""
        result.reserveCapacity(unmarked.count)
        var lastWasSpace = false
        for character in unmarked {
            if invisibles.contains(character) { continue }
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            result.append(unifiedBracket(character))
        }
        return result
    }

    /// Full-width ASCII (Ａ–ｚ, ０–９, punctuation) becomes half-width; the ideographic space becomes a space.
    static func foldWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Maps every bracket shape onto `（` / `）`; other characters pass through.
    static func unifiedBracket(_ character: Character) -> Character {
        if openings.contains(character) { return open }
        if closings.contains(character) { return close }
        return character
    }

    /// True for the canonical opening bracket.
    static func isOpen(_ character: Character) -> Bool { character == open }

    /// True for the canonical closing bracket.
    static func isClose(_ character: Character) -> Bool { character == close }

    /// Removes HTML-ish remnants such as `<p>`, `</p>`, `<br/>` and entities such as `&nbsp;`.
    /// Only tags written in ASCII are removed, so a note in angle brackets ("<含开发区>") survives.
    static func stripMarkup(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) || text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            if let end = markupEnd(in: characters, from: index) {
                // A tag or space entity may stand between two names, so it leaves a space behind.
                let leavesSpace = characters[index] == "<" || isSpaceEntity(characters, index, end)
                result.append(leavesSpace ? " " : "")
                index = end + 1
                continue
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }

    /// Index of the `>` or `;` that closes a tag or entity starting at `start`, if one starts there.
    private static func markupEnd(in characters: [Character], from start: Int) -> Int? {
        let opener = characters[start]
        guard opener == "<" || opener == "&", start + 1 < characters.count else { return nil }
        let first = characters[start + 1]
        let terminator: Character = opener == "<" ? ">" : ";"
        if opener == "<" {
            guard first == "/" || (first.isASCII && first.isLetter) else { return nil }
        } else {
            guard first == "#" || (first.isASCII && first.isLetter) else { return nil }
        }
        let limit = min(characters.count, start + (opener == "<" ? 200 : 12))
        var index = start + 1
        while index < limit {
            let character = characters[index]
            if character == terminator { return index }
            if !character.isASCII || character == "<" || character == "&" { return nil }
            index += 1
        }
        return nil
    }

    /// True when the entity is a space (`&nbsp;`, `&#160;`, `&#32;`, `&ensp;` …), which must keep separating words.
    private static func isSpaceEntity(_ characters: [Character], _ start: Int, _ end: Int) -> Bool {
        let body = String(characters[(start + 1)..<end]).lowercased()
        return ["nbsp", "ensp", "emsp", "thinsp", "#160", "#32", "#12288", "#x3000", "#xa0"].contains(body)
    }
}
