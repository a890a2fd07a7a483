/// What a line's beginning announces. A line that announces nothing continues the paragraph before it —
/// which is how text extracted from PDFs, broken at every page width, is put back together.
enum LineStart: Sendable, Equatable {
    /// 一、 (level 1), (一) (level 2), —— (level 3). `marker` is the numeral ("一"), empty for ——.
    case heading(level: Int, marker: String, printed: String)
    /// "7." / "7．" / "7、" — a numbered item.
    case numbered(Int)
    /// "责任单位：…" on a line of its own.
    case roleLabel
    /// "附件", "附件1", "附表2", "附件：…" — the start of an attachment.
    case attachment
    /// "…2019年4月9日印发", "抄送：…" — document furniture after the body.
    case footer

    /// Classifies a cleaned line; nil when it continues whatever came before.
    static func classify(_ text: String) -> LineStart? {
        guard let first = text.first else { return nil }
        if let heading = heading(text, first: first) { return heading }
        if let number = leadingNumber(text) { return .numbered(number.value) }
        if RoleKeyword.leadingLabel(in: Substring(text)) != nil { return .roleLabel }
        if isAttachment(text) { return .attachment }
        if isFooter(text) { return .footer }
        return nil
    }

    /// "7." → (7, rest of the line). The separator must not be followed by a digit ("1.5万亩" is not item 1).
    static func leadingNumber(_ text: String) -> (value: Int, body: Substring)? {
        var value = 0
        var digits = 0
        var index = text.startIndex
        while index < text.endIndex, let digit = CharacterClass.digitValue(text[index]), digits < 3 {
            value = value * 10 + digit
            digits += 1
            index = text.index(after: index)
        }
        guard digits > 0, index < text.endIndex, ".．、".contains(text[index]) else { return nil }
        let body = text[text.index(after: index)...]
        if let next = body.first, CharacterClass.digitValue(next) != nil { return nil }
        return (value, body.drop { CharacterClass.isSpace($0) })
    }

    private static func heading(_ text: String, first: Character) -> LineStart? {
        if ChineseNumeral.isNumeralCharacter(first) {
            let marker = text.prefix { ChineseNumeral.isNumeralCharacter($0) }
            let rest = text.dropFirst(marker.count)
            guard marker.count <= 3, let separator = rest.first, "、．.".contains(separator),
                ChineseNumeral.value(of: marker) != nil
            else { return nil }
            return .heading(level: 1, marker: String(marker), printed: String(marker) + String(separator))
        }
        if CharacterClass.isOpenParen(first) {
            let marker = text.dropFirst().prefix { ChineseNumeral.isNumeralCharacter($0) }
            let rest = text.dropFirst(1 + marker.count)
            guard !marker.isEmpty, marker.count <= 3, let close = rest.first, CharacterClass.isCloseParen(close) else {
                return nil
            }
            return .heading(level: 2, marker: String(marker), printed: "(\(marker))")
        }
        if text.bytesHasPrefix("——") || text.bytesHasPrefix("－－") || text.bytesHasPrefix("--")
            || (first == "—" && text.count > 2)
        {
            return .heading(level: 3, marker: "", printed: "——")
        }
        return nil
    }

    private static func isAttachment(_ text: String) -> Bool {
        guard text.bytesHasPrefix("附件") || text.bytesHasPrefix("附表") else { return false }
        let rest = text.dropFirst(2)
        guard let next = rest.first else { return true }
        return ":： ".contains(next) || CharacterClass.digitValue(next) != nil || ChineseNumeral.isNumeralCharacter(next)
    }

    private static func isFooter(_ text: String) -> Bool {
        if text.bytesHasPrefix("抄送") { return true }
        return text.bytesHasSuffix("印发") && text.bytesContain("年") && text.bytesContain("月") && text.bytesContain("日")
    }
}
