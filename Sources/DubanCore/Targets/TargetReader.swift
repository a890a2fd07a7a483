/// Turns the figures of one text into targets, in order, remembering the previous target so a list
/// ("分别达到95%、100%", "新增充电桩1700个、集中式充电站5个") can share its label or verb.
struct TargetReader {
    typealias Comparison = QuantifiedTarget.Comparison

    let text: TargetText
    private(set) var targets: [QuantifiedTarget] = []
    private var previous: Previous?

    /// What the next figure may borrow from the one before.
    private struct Previous {
        var label: [Character]
        var prefixComparison: Comparison?
        /// One past the figure, the counted thing after it ("新建15个口袋公园") and a bracketed note after that.
        var end: Int
    }

    init(text: TargetText) {
        self.text = text
    }

    /// Reads `figure` as a target if it is one; returns where scanning resumes then, nil when it is not.
    mutating func read(_ figure: Figure) -> Int? {
        let prefix = ComparisonWords.prefix(in: text, before: figure.start)
        let suffix = ComparisonWords.suffix(in: text, at: figure.unit.end, unit: figure.unit.category)
        let start = prefix?.1 ?? figure.start
        let end = suffix?.1 ?? figure.unit.end
        guard let noun = nounRange(after: end, figure: figure, hasSuffix: suffix != nil) else { return nil }
        let (label, inherited) = label(before: start, noun: noun)
        guard !label.isEmpty, !isInstituteNumber(figure, label: label) else { return nil }
        if figure.unit.category == .duration, prefix == nil, suffix == nil,
            LabelWords.timeMeasures.suffix(of: label) == nil
        {
            return nil
        }
        // Words after the figure decide, except that a ceiling stays a ceiling when only approximated:
        // "居民消费价格涨幅控制在3%左右" caps prices at about 3%.
        let comparison =
            suffix?.0 == .about && prefix?.0 == .atMost
            ? .atMost : suffix?.0 ?? prefix?.0 ?? inherited ?? defaultComparison(figure)
        targets.append(
            QuantifiedTarget(
                label: String(label), value: figure.value, upperValue: figure.upperValue, unit: figure.unit.text,
                comparison: comparison, kind: kind(of: figure.unit.category, label: label),
                text: text.string(start..<end),
                range: start..<end))
        previous = Previous(
            label: label, prefixComparison: prefix?.0 ?? inherited, end: endOfNote(after: max(end, noun.upperBound)))
        return end
    }

    /// The label of a figure whose text starts at `start`, and the comparison it inherits with a list's label.
    private func label(before start: Int, noun: Range<Int>) -> ([Character], Comparison?) {
        let lowerBound = previous?.end ?? 0
        let labelStart = TargetLabel.start(in: text, before: start, lowerBound: lowerBound)
        var label = ownLabel(from: labelStart, to: start, noun: noun)
        guard let previous else { return (label.isEmpty ? previousClause(before: labelStart) : label, nil) }
        let sameList = labelStart == lowerBound
        if label.isEmpty, sameList || isRightAfterPrevious(labelStart) {
            return (previous.label, previous.prefixComparison)
        }
        if sameList, LabelWords.verbs.prefix(of: label) == nil, let verb = LabelWords.verbs.prefix(of: previous.label) {
            label = verb + label
        }
        return (label.isEmpty ? previousClause(before: labelStart) : label, nil)
    }

    /// The label from the text before the figure and, when the figure counts what follows it, that noun. When
    /// the figure heads an enumeration ("建成A、B等7个医疗卫生项目") or follows a "、" ("推动X、3个院士专家项目落地"),
    /// only the clause's verb is kept before the noun.
    private func ownLabel(from labelStart: Int, to start: Int, noun: Range<Int>) -> [Character] {
        let words = text.characters[labelStart..<start]
        var base = TargetLabel.clean(words)
        guard !noun.isEmpty else { return base }
        let afterList = words.last(where: { !CharacterClass.isSpace($0) }) == "、"
        if base.last == "等" || afterList { base = LabelWords.verbs.prefix(of: base) ?? [] }
        return TargetLabel.clean((base + text.characters[noun])[...])
    }

    /// "……,力争达到112146户" restates the previous target's figure: only a comma lies between them.
    private func isRightAfterPrevious(_ labelStart: Int) -> Bool {
        guard let previous else { return false }
        return labelStart - 1 == previous.end && TargetText.isSeparator(text[previous.end] ?? "。")
            && !TargetText.isSentenceEnd(text[previous.end] ?? "。")
    }

    /// "……，共计24万人以上" measures the clause before it.
    private func previousClause(before labelStart: Int) -> [Character] {
        let lowerBound = previous?.end ?? 0
        guard let start = TargetLabel.previousClauseStart(in: text, before: labelStart, lowerBound: lowerBound) else {
            return []
        }
        return TargetLabel.clean(text.characters[start..<(labelStart - 1)])
    }

    /// `index`, or one past a bracketed note that follows it: "11家（全区二级及以上定点医疗机构）、定点零售药店".
    private func endOfNote(after index: Int) -> Int {
        let start = text.skippingSpaces(from: index)
        guard let character = text[start], TargetLabel.isOpeningRound(character),
            let closing = TargetLabel.matchingClosing(in: text, after: start)
        else { return index }
        return closing + 1
    }

    /// Words right after a figure that continue the sentence rather than name what it counts.
    private static let continuing: Set<Character> = ["和", "及", "与", "或", "并", "等", "而", "且", "为", "以", "即", "其"]

    /// The counted thing after the figure ("15个口袋公园" → "口袋公园"), empty when none follows; nil when what
    /// follows shows the figure only qualifies a noun ("12分钟医疗急救圈", "30亿元以上工业项目", "50万元以上的村").
    private func nounRange(after end: Int, figure: Figure, hasSuffix: Bool) -> Range<Int>? {
        let start = text.skippingSpaces(from: end)
        guard let next = text[start], !Self.continuing.contains(next) else { return end..<end }
        if next == "的" { return nil }
        let startsName = text.digit(at: start) != nil && !TargetLabel.startsFigure(in: text, at: start)
        guard text.isHan(at: start) || next == "“" || text.isLetter(at: start) || startsName else { return end..<end }
        switch figure.unit.category {
        case .duration: return nil
        case .money: return hasSuffix ? nil : end..<end
        case .ratio: return end..<end
        case .countable, .quantity: return TargetLabel.noun(in: text, from: start)
        }
    }

    /// "中船710所" names a research institute, not 710 schools: a large count of 所 without a building verb.
    private func isInstituteNumber(_ figure: Figure, label: [Character]) -> Bool {
        figure.unit.text == "所" && figure.value >= 100 && !label.contains { "建办增改扩".contains($0) }
    }

    private func defaultComparison(_ figure: Figure) -> Comparison {
        if figure.moreThan { return .atLeast }
        return figure.upperValue == nil ? .exact : .about
    }

    private func kind(of category: TargetUnit.Category, label: [Character]) -> QuantifiedTarget.Kind {
        switch category {
        case .ratio: LabelWords.changeWords.suffix(of: label) == nil ? .level : .growthRate
        case .money, .duration: .level
        case .countable, .quantity: .count
        }
    }
}
