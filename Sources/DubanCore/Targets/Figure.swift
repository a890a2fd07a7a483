/// A number with its unit, found in a task's text before it is judged a target.
struct Figure {
    /// Where the number starts.
    var start: Int
    var value: Double
    /// The upper end of a range ("3至5个").
    var upperValue: Double?
    var unit: TargetUnit
    /// "100余个", "3000多人": more than the number.
    var moreThan: Bool

    /// Characters right before a number that make it part of a name, an ordinal or a fraction rather than a
    /// figure: "第1个月", "PM2.5", "G318", "1/3", "#2".
    private static let joiningBefore: Set<Character> = ["第", ".", "．", "/", "／", "#", "＃", "_"]

    /// The figure whose Arabic number starts at `index`, or nil when that number is not a candidate target.
    static func arabic(in text: TargetText, at index: Int, number: NumberReader.Number, context: FigureContext)
        -> Figure?
    {
        guard !context.isExcluded(index), !isJoined(in: text, before: index) else { return nil }
        var afterNumber = number.end
        let moreThan = text[afterNumber] == "余" || text[afterNumber] == "多"
        if moreThan { afterNumber += 1 }
        var unit = TargetUnit.read(in: text, at: text.skippingSpaces(from: afterNumber))
        if text.isLetter(at: number.end), unit?.text != "km" { return nil }
        var upperValue: Double?
        if let upper = NumberReader.rangeEnd(in: text, at: unit?.end ?? afterNumber),
            let upperUnit = TargetUnit.read(in: text, at: text.skippingSpaces(from: upper.end)),
            unit == nil || unit?.text == upperUnit.text
        {
            upperValue = upper.value
            unit = upperUnit
        }
        guard let unit else { return nil }
        return Figure(start: index, value: number.value, upperValue: upperValue, unit: unit, moreThan: moreThan)
    }

    private static func isJoined(in text: TargetText, before index: Int) -> Bool {
        guard let previous = text[index - 1] else { return false }
        if text.isLetter(at: index - 1) || joiningBefore.contains(previous) { return true }
        return text[text.skippingSpaces(before: index) - 1] == "第"
    }

    /// The figure whose Chinese numeral starts at `index` ("新建两所"), when a counting verb comes right before
    /// it and a counter right after; slogans ("“四个意识”", "民生三个项目库") fail one test or the other.
    static func chinese(in text: TargetText, at index: Int, context: FigureContext) -> Figure? {
        guard !context.isExcluded(index), !NumberReader.isChineseNumeral(text[index - 1]),
            LabelWords.chineseNumeralVerbs.match(in: text, endingAt: index) != nil,
            let number = NumberReader.chinese(in: text, at: index),
            let counter = TargetUnit.chineseCounters.match(in: text, at: number.end),
            !NumberReader.isChineseNumeral(text[number.end + counter.count])
        else { return nil }
        let unit = TargetUnit(text: String(counter), category: .countable, end: number.end + counter.count)
        return Figure(start: index, value: number.value, unit: unit, moreThan: false)
    }
}
