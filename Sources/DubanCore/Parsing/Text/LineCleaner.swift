/// Turns one raw line of decoded text into what the layout rules read: Markdown and HTML remnants, typesetting
/// codes and the spaces PDFs put between Chinese characters are removed; the words stay as printed.
enum LineCleaner {
    /// Cleans a running-text line. Tabs are treated as spaces; table lines are split with `cells(_:)` first.
    /// A single space between two Han characters is kept for the role reader; texts are collapsed later.
    static func clean(_ raw: Substring) -> String {
        normalizeSpaces(stripMarkup(stripTypesettingCode(raw)), keepBetweenHan: true)
    }

    /// Splits a tab-separated table line into cells, keeping empty cells so columns stay aligned. Spaces inside
    /// a cell are kept (trimmed only): in unit and leader columns they separate names, so each column decides.
    static func cells(_ raw: Substring) -> [String] {
        raw.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
            let body = stripMarkup(stripTypesettingCode(cell))
            return String(body.drop { CharacterClass.isSpace($0) }.reversed().drop { CharacterClass.isSpace($0) }.reversed())
        }
    }

    /// A line that carries nothing but a page number ("- 3 -", "— 12 —", "第 3 页", "3/10") — PDF furniture.
    static func isPageNumber(_ line: String) -> Bool {
        var body = Substring(line)
        while let first = body.first, "-－—–第 ".contains(first) { body = body.dropFirst() }
        while let last = body.last, "-－—–页 ".contains(last) { body = body.dropLast() }
        guard !body.isEmpty, body.count <= 9 else { return false }
        let parts = body.split(separator: "/")
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { part in
            let trimmed = part.filter { $0 != " " }
            return !trimmed.isEmpty && trimmed.count <= 4 && trimmed.allSatisfy { CharacterClass.digitValue($0) != nil }
        }
    }

    /// 方正书版 codes such as "〖ZP(〗附表1" mark layout, and what follows them on the line is layout too.
    private static func stripTypesettingCode(_ raw: Substring) -> Substring {
        guard let start = raw.firstIndex(of: "〖") else { return raw }
        return raw[..<start]
    }

    /// Removes Markdown heading marks and emphasis, and HTML tags such as `<p>` left by web exports.
    private static func stripMarkup(_ text: Substring) -> String {
        var body = text.drop { CharacterClass.isSpace($0) }
        if body.first == "#" {
            body = body.drop { $0 == "#" }
        }
        var result = ""
        result.reserveCapacity(body.utf8.count)
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if character == "*", body.index(after: index) < body.endIndex, body[body.index(after: index)] == "*" {
                index = body.index(index, offsetBy: 2)
                continue
            }
            if character == "<", let end = htmlTagEnd(in: body, from: index) {
                index = end
                continue
            }
            result.append(character)
            index = body.index(after: index)
        }
        return result
    }

    /// The index after a short ASCII tag like `<p>`, `</p>` or `<br/>`; nil when `<` starts ordinary text.
    private static func htmlTagEnd(in text: Substring, from start: Substring.Index) -> Substring.Index? {
        var index = text.index(after: start)
        guard index < text.endIndex, text[index].isASCII, text[index].isLetter || text[index] == "/" else {
            return nil
        }
        var length = 0
        while index < text.endIndex, length < 40 {
            let character = text[index]
            if character == ">" { return text.index(after: index) }
            guard character.isASCII else { return nil }
            index = text.index(after: index)
            length += 1
        }
        return nil
    }

    /// Removes white space next to Chinese characters and collapses the rest to single spaces: the form of
    /// task texts, headings and titles.
    static func collapseSpaces(_ text: some StringProtocol) -> String {
        normalizeSpaces(text, keepBetweenHan: false)
    }

    /// Like `collapseSpaces`, but one space between two Han characters survives: in a role line it may separate
    /// two names ("李先勇 祝莹"), which only the role reader can tell from a typesetting gap.
    static func normalizeSpaces(_ text: some StringProtocol, keepBetweenHan: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if CharacterClass.isSpace(character) || character == "\r" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, let last = result.last {
                let latin = !CharacterClass.isCJK(last) && !CharacterClass.isCJK(character)
                let han = keepBetweenHan && CharacterClass.isHan(last) && CharacterClass.isHan(character)
                if latin || han { result.append(" ") }
            }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
