/// Splits a normalised list into 、-groups and their items.
///
/// The grammar of a unit list has two levels: `，` `,` `；` `;` (and `。`) end a group, `、` separates items
/// inside one group. Sharing of prefixes and suffixes happens only inside a group, so the lexer keeps that
/// structure. Separators inside matched brackets belong to a note or alias and do not split.
enum ListLexer {
    private static let groupSeparators: Set<Character> = [",", ";", "。"]
    private static let itemSeparators: Set<Character> = ["、"]

    /// Groups of raw items; items still contain spaces and brackets.
    static func groups(in text: String) -> [[String]] {
        let characters = Array(text)
        let brackets = BracketMap(characters)
        var groups: [[String]] = []
        var items: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let closing = brackets.closing(at: index) {
                current.append(contentsOf: characters[index...closing])
                index = closing + 1
                continue
            }
            if groupSeparators.contains(character) {
                items.append(current)
                groups.append(items)
                items = []
                current = ""
            } else if itemSeparators.contains(character) {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        items.append(current)
        groups.append(items)
        return groups
    }

    /// Splits `text` at top-level (outside matched brackets) occurrences of any of `separators`.
    static func splitTopLevel(_ text: String, on separators: Set<Character>) -> [String] {
        let characters = Array(text)
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
            if separators.contains(characters[index]) {
                parts.append(current)
                current = ""
            } else {
                current.append(characters[index])
            }
            index += 1
        }
        parts.append(current)
        return parts
    }
}
