/// Puts back the line breaks of a document whose body arrived on one line — a web page saved as text, where
/// every break became a space: "…2022年4月18日 一、王丹县长牵头重点工作 1.全县生产总值增长7.5%左右…".
///
/// A long line is cut before each blank that is followed by what starts a line (a heading, a numbered
/// item, a role label, an attachment). Chinese running text has no blanks between words, so a blank before
/// "1." or "责任单位：" inside a long line is a lost line break, not a space in a sentence.
enum CollapsedLine {
    /// Lines shorter than this are left alone: a short line with a blank before "2." is a line, not a page.
    static let minimumLength = 240

    static func pieces(_ raw: Substring) -> [Substring] {
        guard raw.utf8.count >= minimumLength, !raw.utf8.contains(9) else { return [raw] }
        var cuts: [Substring.Index] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            guard CharacterClass.isSpace(raw[index]) else {
                index = raw.index(after: index)
                continue
            }
            var after = index
            while after < raw.endIndex, CharacterClass.isSpace(raw[after]) { after = raw.index(after: after) }
            if after < raw.endIndex, startsLine(raw[after...]) { cuts.append(after) }
            index = after
        }
        guard cuts.count >= 2 else { return [raw] }
        var pieces: [Substring] = []
        var start = raw.startIndex
        for cut in cuts {
            pieces.append(raw[start..<cut])
            start = cut
        }
        pieces.append(raw[start...])
        return pieces
    }

    /// True when the text at hand begins a line of its own: a heading, a numbered item, a role label or an
    /// attachment mark. Only the first few characters are looked at.
    private static func startsLine(_ text: Substring) -> Bool {
        let head = String(text.prefix(24))
        switch LineStart.classify(head) {
        case .heading(let level, _, _): return level < 3
        case .numbered, .roleLabel, .attachment: return true
        case .footer, nil: return false
        }
    }
}
