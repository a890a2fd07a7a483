/// Extracts the quantified targets a task's text states: "地区生产总值增长6%左右", "新增城镇就业1.2万人",
/// "办理时限压缩至1个工作日以内".
///
/// Pure and fast: one pass over the text, no regular expressions, so every task of a gazette can be read while
/// a page renders. What counts as a target:
/// - a number (Arabic in either width, or a small Chinese numeral right after a counting verb: "新建两所")
///   followed by a unit from `TargetUnit`'s vocabulary. Years, months, dates, quarters, ordinals ("第1个月"),
///   line and document numbers ("6号线", "〔2022〕1号"), phases ("一期") and ages have no such unit;
/// - not inside brackets or quotation marks, and not glued to Latin letters ("5G", "PM2.5", "G318");
/// - not the higher level's figure in a cascaded row that labels it ("市级目标：…");
/// - not a qualifier of the noun after it: a time ("12分钟医疗急救圈"), a money threshold ("30亿元以上工业项目")
///   or anything followed by "的" ("50万元以上的村").
/// A range ("5%—6%", "3至5个") gives its lower bound as `value`, its upper as `upperValue`, and is `.about`
/// unless words around it say otherwise.
public enum QuantifiedTargets {
    /// Every target in `text`, in order of appearance.
    public static func extract(from text: String) -> [QuantifiedTarget] {
        let text = TargetText(text)
        let context = FigureContext(text)
        var reader = TargetReader(text: text)
        var index = 0
        while index < text.count {
            if let number = NumberReader.arabic(in: text, at: index) {
                let figure = Figure.arabic(in: text, at: index, number: number, context: context)
                index = figure.flatMap { reader.read($0) } ?? number.end
            } else if NumberReader.isChineseNumeral(text[index]),
                let figure = Figure.chinese(in: text, at: index, context: context)
            {
                index = reader.read(figure) ?? figure.unit.end
            } else {
                index += 1
            }
        }
        return reader.targets
    }
}
