/// The unit printed after a figure, and what sort of quantity it measures.
///
/// A number with no unit from this vocabulary is not a target: that one rule drops years ("2026年"), months
/// ("12月"), dates ("20日前"), quarters, line and document numbers ("6号线", "〔2022〕1号"), phases ("二期"),
/// generations ("10.5代线") and ages ("75岁以上"), whose words are deliberately absent.
struct TargetUnit: Equatable {
    /// What the unit measures; it decides the target's kind and whether a figure followed by a noun is a target.
    enum Category: Equatable {
        /// %, ‰, percentage points, times.
        case ratio
        /// Sums of money: 元, 万元, 亿元, 美元.
        case money
        /// Times: 个工作日, 天, 小时, 分钟, 个月.
        case duration
        /// Counted things and people: 个, 家, 所, 万人, 人次.
        case countable
        /// Measured quantities: 亩, 公里, 平方米, 吨.
        case quantity
    }

    /// The unit as printed, magnitude and rate suffix included ("万吨/日"); a full-width "％" reads "%".
    var text: String
    var category: Category
    /// One past the unit's last character.
    var end: Int

    private static let ratios = WordList(["%", "％", "﹪", "‰", "个百分点", "百分点", "倍"])
    private static let money = WordList(["元", "美元"])
    private static let durations = WordList(["个工作日", "工作日", "个小时", "小时", "分钟", "天", "个月"])
    private static let quantities = WordList([
        "平方公里", "平方千米", "平方米", "平米", "立方米", "公里", "千米", "km", "米", "公顷", "亩", "吨", "公斤",
        "千克", "斤", "千瓦时", "千瓦", "兆瓦", "标箱",
    ])
    private static let countables = WordList([
        "人次", "人", "名", "户", "家", "所", "个", "座", "条", "处", "部", "台", "套", "间", "张", "项", "件",
        "例", "场次", "场", "次", "批次", "批", "辆", "列", "艘", "架", "款", "种", "支", "只", "头", "棵", "株",
        "盏", "根", "栋", "幢", "宗", "份", "本", "册", "篇", "路",
    ])
    /// Magnitudes that may stand before a unit ("万人") or alone ("6000万").
    private static let magnitudes = WordList(["万亿", "千万", "百万", "十万", "万", "亿", "千"])
    /// "/日" in "4万吨/日", "/秒" in "169立方米/秒".
    private static let rates = WordList(["/日", "/天", "/秒", "/年", "/小时", "/人", "/户", "/亩", "／日", "／秒"])
    /// The units a Chinese numeral may carry ("两所", "三个"): only counters, so "四个意识" style slogans, which
    /// are quoted or not preceded by a verb, are the only risk and are filtered elsewhere.
    static let chineseCounters = WordList(["个", "所", "家", "座", "条", "处", "部", "台", "名", "项", "场", "户"])

    /// The unit that starts at `index`, if any. "日" counts only in "3日内", where it is a time limit, not a date.
    static func read(in text: TargetText, at index: Int) -> TargetUnit? {
        if let unit = base(in: text, at: index, magnitude: "") { return unit }
        guard let magnitude = magnitudes.match(in: text, at: index) else { return nil }
        let afterMagnitude = index + magnitude.count
        if let unit = base(in: text, at: afterMagnitude, magnitude: String(magnitude)) { return unit }
        return TargetUnit(text: String(magnitude), category: .countable, end: afterMagnitude)
    }

    /// A unit from the vocabularies at `index`, with `magnitude` put in front of its text.
    private static func base(in text: TargetText, at index: Int, magnitude: String) -> TargetUnit? {
        let lists: [(WordList, Category)] = [
            (ratios, .ratio), (durations, .duration), (money, .money), (quantities, .quantity),
            (countables, .countable),
        ]
        for (list, category) in lists {
            guard let word = list.match(in: text, at: index), !isRoadNumber(word, in: text, at: index) else { continue }
            if category == .ratio, !magnitude.isEmpty { return nil }
            var unit = TargetUnit(text: magnitude + normalized(word), category: category, end: index + word.count)
            if let rate = rates.match(in: text, at: unit.end) {
                unit.text += String(rate)
                unit.end += rate.count
            }
            return unit
        }
        if text[index] == "日", text[index + 1] == "内" || text.has(Array("以内"), at: index + 1) {
            return TargetUnit(text: magnitude + "日", category: .duration, end: index + 1)
        }
        return nil
    }

    /// The full-width per-cent signs read as "%", so reports compare units without caring about the font width.
    private static func normalized(_ word: [Character]) -> String {
        word == ["％"] || word == ["﹪"] ? "%" : String(word)
    }

    /// "路" counts channels ("接入视频资源20000路") only at the end of a clause; before more words the figure
    /// names a bus line or a year ("2023路长制").
    private static func isRoadNumber(_ word: [Character], in text: TargetText, at index: Int) -> Bool {
        word == ["路"] && text.isHan(at: index + 1)
    }
}
