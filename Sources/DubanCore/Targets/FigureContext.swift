/// Which positions of a task's text hold figures that are never targets, whatever their unit: those inside a
/// parenthesised note or quotation marks, and those of the higher level in cascaded text.
///
/// A note in brackets explains ("(100处事故多发路段、N处新城区国省道隐患)", "〔2022〕51号"); a quotation names
/// a slogan or a programme ("“323”攻坚行动", "“17条”"). Cascaded rows sometimes quote the higher government's
/// figure next to the local one; it is skipped only when clearly labelled ("市级目标：…；区级目标：…").
struct FigureContext {
    private var excluded: [Bool]

    init(_ text: TargetText) {
        excluded = Array(repeating: false, count: text.count)
        markBracketsAndQuotes(in: text)
        markHigherLevel(in: text)
    }

    /// True when a figure at `index` is not a target.
    func isExcluded(_ index: Int) -> Bool {
        excluded.indices.contains(index) && excluded[index]
    }

    private static let opening: Set<Character> = ["(", "（", "【", "〔", "［", "[", "《", "〈", "﹙", "〖", "“", "「", "『"]
    private static let closing: Set<Character> = [")", "）", "】", "〕", "］", "]", "》", "〉", "﹚", "〗", "”", "」", "』"]

    /// Marks the insides of brackets and quotation marks. Depth resets at each sentence end, so a bracket a PDF
    /// never closed hides one sentence at most.
    private mutating func markBracketsAndQuotes(in text: TargetText) {
        var depth = 0
        var insideASCIIQuote = false
        for index in 0..<text.count {
            let character = text.characters[index]
            if TargetText.isSentenceEnd(character) {
                depth = 0
                insideASCIIQuote = false
            } else if Self.opening.contains(character) {
                depth += 1
            } else if Self.closing.contains(character) {
                depth = max(0, depth - 1)
            } else if character == "\"" {
                insideASCIIQuote.toggle()
            }
            excluded[index] = depth > 0 || insideASCIIQuote
        }
    }

    /// Labels that introduce the higher level's figure in a cascaded row, and those that return to the local one.
    private static let higherLevel = WordList([
        "全国目标", "全省目标", "全市目标", "省目标", "市目标", "省级目标", "市级目标", "上级目标", "省下达",
        "市下达", "全省任务", "全市任务", "省级任务", "市级任务",
    ])
    private static let localLevel = WordList([
        "全区目标", "区目标", "区级目标", "县目标", "县级目标", "全区任务", "区级任务", "县级任务", "本区", "我区",
        "本县", "我县", "本级",
    ])

    /// Marks everything from a higher-level label to the next local label or the end of the sentence.
    private mutating func markHigherLevel(in text: TargetText) {
        var higher = false
        var index = 0
        while index < text.count {
            if TargetText.isSentenceEnd(text.characters[index]) {
                higher = false
            } else if let word = Self.localLevel.match(in: text, at: index) {
                higher = false
                index += word.count
                continue
            } else if let word = Self.higherLevel.match(in: text, at: index) {
                higher = true
                for position in index..<index + word.count { excluded[position] = true }
                index += word.count
                continue
            }
            if higher { excluded[index] = true }
            index += 1
        }
    }
}
