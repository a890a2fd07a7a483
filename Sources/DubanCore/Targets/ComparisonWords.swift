/// The words around a figure that make it a floor, a ceiling or an approximation.
enum ComparisonWords {
    typealias Comparison = QuantifiedTarget.Comparison

    /// Words right after the figure ("300个以上", "3%以内", "6%左右"). "内" alone only follows a time ("3天内").
    private static let suffixes: [(WordList, Comparison)] = [
        (WordList(["及以上", "以上", "之上"]), .atLeast),
        (WordList(["及以下", "以下", "以内", "之内"]), .atMost),
        (WordList(["左右"]), .about),
    ]

    /// Words right before the figure, tried longest first across all comparisons so "不大于" wins over "大于".
    /// They belong to the figure's text, not to its label: "城镇调查失业率" is what "控制在4.5%以内" bounds.
    private static let prefixes: [([Character], Comparison)] = {
        let groups: [([String], Comparison)] = [
            (
                [
                    "不少于", "不低于", "不小于", "不下于", "至少", "超过", "突破", "达到", "高于", "大于", "多于", "达",
                    "≥", "＞", ">", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增至", "增长到",
                    "增长至", "上升到", "上升至", "力争达到",
                ], .atLeast
            ),
            (
                [
                    "不超过", "不高于", "不大于", "不多于", "控制在", "控制到", "控制于", "压缩至", "压缩到", "压缩在",
                    "缩短至", "缩短到", "缩减至", "压减至", "压减到", "降至", "降到", "降低至", "降低到", "下降至",
                    "下降到", "减少至", "减少到", "少于", "低于", "小于", "≤", "＜", "<",
                ], .atMost
            ),
            (["大约", "约为", "约", "近"], .about),
            (["稳定在", "保持在", "维持在", "保持", "稳定"], .exact),
        ]
        let pairs = groups.flatMap { words, comparison in words.map { (Array($0), comparison) } }
        return pairs.sorted { $0.0.count > $1.0.count }
    }()

    /// "过" alone is a floor ("投资额过580亿元") except as the end of a longer word ("通过", "经过").
    private static let wordsEndingInGuo: Set<Character> = ["通", "经", "超", "越", "度", "不", "跨", "穿", "路"]

    /// The comparison stated after a figure that ends at `index`, and the index after the words.
    static func suffix(in text: TargetText, at index: Int, unit: TargetUnit.Category?) -> (Comparison, Int)? {
        let start = text.skippingSpaces(from: index)
        for (words, comparison) in suffixes {
            if let word = words.match(in: text, at: start) { return (comparison, start + word.count) }
        }
        if unit == .duration, text[start] == "内" { return (.atMost, start + 1) }
        return nil
    }

    /// The comparison stated before a figure that starts at `index`, and where its words start.
    static func prefix(in text: TargetText, before index: Int) -> (Comparison, Int)? {
        let end = text.skippingSpaces(before: index)
        for (word, comparison) in prefixes where text.has(word, endingAt: end) {
            return (comparison, end - word.count)
        }
        if text[end - 1] == "过", let before = text[end - 2], !wordsEndingInGuo.contains(before) {
            return (.atLeast, end - 1)
        }
        return nil
    }
}
