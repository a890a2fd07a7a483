/// The text of an HTML page in reading order, as the plan reader wants it: one line per paragraph or block,
/// a table row as one tab-separated line, scripts, styles, navigation and forms left out, entities decoded.
///
/// A tolerant scanner rather than a parser: government pages are rarely well-formed, and only where text
/// and blocks start and end matters here.
enum HtmlText {
    /// Elements whose content is never shown as text.
    private static let hidden: Set<String> = [
        "script", "style", "noscript", "template", "svg", "nav", "select", "button", "iframe", "object", "head",
    ]
    /// Elements that start and end a line.
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
        "tbody", "thead", "tfoot", "blockquote", "pre", "hr", "dd", "dt", "dl", "form", "header", "footer", "main",
        "aside", "center", "title", "caption", "figure", "address",
    ]

    static func extract(_ html: String) -> String {
        var lines: [String] = []
        var line = ""
        var row: [String]?
        var cell = ""
        var cellOpen = false
        var hiddenDepth: [String] = []
        var index = html.startIndex

        func append(_ text: String) {
            guard hiddenDepth.isEmpty else { return }
            if row != nil { cell += text } else { line += text }
        }
        func endLine() {
            let trimmed = collapse(line)
            if !trimmed.isEmpty { lines.append(trimmed) }
            line = ""
        }
        func endCell() {
            guard row != nil, cellOpen else { return }
            row?.append(collapse(cell))
            cell = ""
            cellOpen = false
        }

        while index < html.endIndex {
            let character = html[index]
            if character == "<", let tag = Tag.read(html, at: index) {
                index = tag.end
                if tag.isComment { continue }
                if hidden.contains(tag.name) {
                    if tag.isClosing {
                        if let last = hiddenDepth.lastIndex(of: tag.name) { hiddenDepth.removeSubrange(last...) }
                    } else if !tag.isSelfClosing {
                        hiddenDepth.append(tag.name)
                    }
                    continue
                }
                guard hiddenDepth.isEmpty else { continue }
                switch tag.name {
                case "tr":
                    if tag.isClosing || row != nil {
                        endCell()
                        if let cells = row, cells.contains(where: { !$0.isEmpty }) {
                            lines.append(cells.joined(separator: "\t"))
                        }
                        row = nil
                    }
                    if !tag.isClosing {
                        endLine()
                        row = []
                    }
                case "td", "th":
                    if row == nil {
                        endLine()
                        row = []
                    }
                    endCell()
                    cellOpen = !tag.isClosing
                case "br":
                    if row != nil { cell += " " } else { endLine() }
                default:
                    if blocks.contains(tag.name) {
                        if row != nil, tag.name != "table" { cell += " " } else { endLine() }
                    }
                }
                continue
            }
            if character == "&", let (decoded, end) = Entity.decode(html, at: index) {
                append(decoded)
                index = end
                continue
            }
            append(String(character))
            index = html.index(after: index)
        }
        endCell()
        if let cells = row, cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: "\t")) }
        endLine()
        return lines.joined(separator: "\n")
    }

    /// Runs of white space as one space, the ends trimmed; NBSP and the ideographic space count as white.
    private static func collapse(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{A0}" || scalar == "\u{3000}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

/// One tag: its lower-cased name, whether it closes or closes itself, where it ends.
struct Tag {
    var name: String
    var isClosing: Bool
    var isSelfClosing: Bool
    var isComment: Bool
    var end: String.Index

    /// The tag starting at `start` ("<"), or nil when the "<" is text ("a < b").
    static func read(_ html: String, at start: String.Index) -> Tag? {
        let after = html.index(after: start)
        guard after < html.endIndex else { return nil }
        if html[after...].hasPrefix("!--") {
            let end = html[after...].range(of: "-->")?.upperBound ?? html.endIndex
            return Tag(name: "", isClosing: false, isSelfClosing: true, isComment: true, end: end)
        }
        var index = after
        var closing = false
        if html[index] == "/" {
            closing = true
            index = html.index(after: index)
        }
        guard index < html.endIndex, html[index].isLetter || html[index] == "!" || html[index] == "?" else {
            return nil
        }
        var name = ""
        while index < html.endIndex, html[index].isLetter || html[index].isNumber {
            name.append(html[index])
            index = html.index(after: index)
        }
        // The tag ends at the first ">" outside quoted attribute values.
        var quote: Character?
        var previous: Character = " "
        while index < html.endIndex {
            let character = html[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return Tag(
                    name: name.lowercased(), isClosing: closing, isSelfClosing: previous == "/", isComment: false,
                    end: html.index(after: index))
            }
            previous = character
            index = html.index(after: index)
        }
        return Tag(
            name: name.lowercased(), isClosing: closing, isSelfClosing: true, isComment: false, end: html.endIndex)
    }
}

/// Character references: named ones common on Chinese government pages, and numeric ones.
enum Entity {
    private static let named: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "times": "×",
        "ensp": " ", "emsp": " ", "thinsp": " ", "bull": "•", "copy": "©", "reg": "®", "yen": "¥", "deg": "°",
    ]

    /// The decoded text of the reference at `start` ("&") and where it ends; nil when it is a plain "&".
    static func decode(_ html: String, at start: String.Index) -> (String, String.Index)? {
        let rest = html[html.index(after: start)...].prefix(12)
        guard let semicolon = rest.firstIndex(of: ";") else { return nil }
        let body = String(rest[..<semicolon])
        let end = html.index(after: semicolon)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (String(Character(scalar)), end)
        }
        guard let text = named[body.lowercased()] else { return nil }
        return (text, end)
    }
}
