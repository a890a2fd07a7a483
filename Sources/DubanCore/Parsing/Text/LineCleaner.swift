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
            let scalars = stripMarkup(stripTypesettingCode(cell)).unicodeScalars
            guard let first = scalars.firstIndex(where: { !CharacterClass.isSpace($0) }),
                let last = scalars.lastIndex(where: { !CharacterClass.isSpace($0) })
            else { return "" }
            return String(scalars[first...last])
        }
    }

    /// A line that carries nothing but a page number ("- 3 -", "— 12 —", "第 3 页", "3/10") — PDF furniture.
    static func isPageNumber(_ line: String) -> Bool {
        guard line.utf8.count <= 30 else { return false }
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

    /// A line that is nothing but an editor's closing mark — "（完）", "(未完待续)", or a word in Latin letters
    /// such as "(truncated)" left by a page saver — which belongs to no task or heading. Notes such as
    /// "（此件公开发布）" are not marks: they end a notice and the reader takes them as its boundary.
    static func isEditorialMark(_ line: String) -> Bool {
        guard line.utf8.count <= 40, let first = line.first, let last = line.last,
            CharacterClass.isOpenParen(first), CharacterClass.isCloseParen(last)
        else { return false }
        let inner = line.dropFirst().dropLast().filter { $0 != " " }
        guard !inner.isEmpty,
            !inner.contains(where: { CharacterClass.isOpenParen($0) || CharacterClass.isCloseParen($0) })
        else { return false }
        if inner.allSatisfy({ $0.isASCII && $0.isLetter }) { return inner.count >= 3 }
        return editorialMarks.contains(inner)
    }

    /// The Chinese marks editors close a published or serialised text with.
    private static let editorialMarks: Set<String> = ["完", "全文完", "未完", "待续", "待續", "未完待续", "未完待續"]

    /// 方正书版 codes such as "〖ZP(〗附表1" mark layout, and what follows them on the line is layout too.
    private static func stripTypesettingCode(_ raw: Substring) -> Substring {
        guard let start = raw.unicodeScalars.firstIndex(of: "〖") else { return raw }
        return raw[..<start]
    }

    /// True unless the UTF-8 bytes prove there is no white space of any kind (most lines of a document have
    /// none once cleaned, and skipping them avoids rebuilding the string).
    private static func mayHoldSpace(_ text: some StringProtocol) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch (previous.0, previous.1, byte) {
            case (_, _, 0x20), (_, _, 0x09), (_, _, 0x0D), (_, 0xC2, 0xA0), (0xE3, 0x80, 0x80), (0xE2, 0x80, 0x82),
                (0xE2, 0x80, 0x83), (0xE2, 0x80, 0x8B), (0xEF, 0xBB, 0xBF):
                return true
            default:
                previous = (previous.1, byte)
            }
        }
        return false
    }

    /// Removes Markdown heading marks and emphasis, and HTML tags such as `<p>` left by web exports.
    private static func stripMarkup(_ text: Substring) -> String {
        let markup = text.utf8.contains {
            $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "<")
        }
        guard markup || text.unicodeScalars.first.map(CharacterClass.isSpace) == true else { return String(text) }
        let scalars = Array(text.unicodeScalars.drop { CharacterClass.isSpace($0) })
        var start = 0
        while start < scalars.count, scalars[start] == "#" { start += 1 }
        var result = String.UnicodeScalarView()
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "*", index + 1 < scalars.count, scalars[index + 1] == "*" {
                index += 2
                continue
            }
            if scalar == "<", let end = htmlTagEnd(in: scalars, from: index) {
                index = end
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    /// The index after a short ASCII tag like `<p>`, `</p>` or `<br/>`; nil when `<` starts ordinary text.
    private static func htmlTagEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        guard index < scalars.count, scalars[index].isASCII,
            scalars[index].properties.isAlphabetic || scalars[index] == "/"
        else { return nil }
        while index < scalars.count, index - start < 40 {
            if scalars[index] == ">" { return index + 1 }
            guard scalars[index].isASCII else { return nil }
            index += 1
        }
        return nil
    }

    /// Removes white space next to Chinese characters and collapses the rest to single spaces: the form of
    /// task texts, headings and titles.
    static func collapseSpaces(_ text: some StringProtocol) -> String {
        normalizeSpaces(text, keepBetweenHan: false)
    }

    /// Like `collapseSpaces`, but one space between two Han characters survives: in a role line it may separate
    /// two names ("李先勇 祝莹"), which only the role reader can tell from a typesetting gap. So does one after
    /// a full stop or colon before words: a paragraph break lost when a page was saved on one line.
    static func normalizeSpaces(_ text: some StringProtocol, keepBetweenHan: Bool) -> String {
        guard mayHoldSpace(text) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var last: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if CharacterClass.isSpace(scalar) {
                pendingSpace = last != nil
                continue
            }
            if pendingSpace, let previous = last {
                let latin = !CharacterClass.isCJK(previous) && !CharacterClass.isCJK(scalar)
                let han = keepBetweenHan && CharacterClass.isHan(previous) && CharacterClass.isHan(scalar)
                // A blank after a full stop or a colon, before words, is a lost paragraph break of a page
                // saved on one line; the paragraph reader needs to see it.
                let paragraph =
                    keepBetweenHan && "。：:".unicodeScalars.contains(previous)
                    && (CharacterClass.isHan(scalar) || "《“".unicodeScalars.contains(scalar))
                if latin || han || paragraph { bytes.append(0x20) }
            }
            pendingSpace = false
            bytes.append(contentsOf: scalar.utf8)
            last = scalar
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
