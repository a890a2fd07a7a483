/// The notice text as the rule readers see it: widths folded (，→ , （→ ( ０→0), every space and Markdown star
/// removed — PDF text layers break sentences across lines and put spaces between characters — and cut into
/// sentences at 。 ; ! ?.
enum NoticeText {
    private static let sentenceEnds: Set<Character> = ["。", ";", "!", "?"]
    private static let dropped: Set<Character> = ["*", "\u{200B}", "\u{FEFF}"]

    /// The sentences of a whole document, in order.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in TextNormalizer.foldWidth(text) {
            if character.isWhitespace || dropped.contains(character) { continue }
            if sentenceEnds.contains(character) {
                if !current.isEmpty { sentences.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// A number written in Arabic digits ("20") or Chinese numerals ("二十", "第一个月"'s "一").
    static func number(_ text: some StringProtocol) -> Int? {
        Int(text) ?? ChineseNumeral.value(of: text)
    }

    /// The sentence shortened for a note: at most `limit` characters, with "…" where it was cut.
    static func quote(_ sentence: String, limit: Int = 60) -> String {
        sentence.count <= limit ? sentence : String(sentence.prefix(limit)) + "…"
    }

    /// Words that say a report is sent somewhere ("报送", "报市人民政府督查室"), as opposed to 汇报 or 通报.
    static let sendingWords = ["报送", "上报", "报市", "报区", "报县", "报省", "报至", "报给"]

    /// True when the sentence says something is sent.
    static func mentionsSending(_ sentence: String) -> Bool {
        sendingWords.contains { sentence.contains($0) }
    }
}
