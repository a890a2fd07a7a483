/// One quantified target stated in a task's text: "新增城镇就业1.2万人" is the label "新增城镇就业", the value
/// 1.2 and the unit "万人".
///
/// Reports compare what units achieved with these figures, so the figure is kept exactly as printed (value and
/// unit together) rather than converted: "1.2万人" stays 1.2 with "万人", and "5000万元" stays 5000 with "万元".
public struct QuantifiedTarget: Sendable, Hashable, Codable {
    /// The short phrase the figure measures, as the text words it: "地区生产总值增长", "新建5G基站",
    /// "空气质量优良天数比例". When the figure comes before what it counts ("新建15个口袋公园"), the verb and the
    /// counted thing are joined: "新建口袋公园".
    public var label: String
    /// The number as printed, in `unit`. `Double` rather than `Decimal`: plan figures have a few significant
    /// digits at most, are only compared and displayed, and `Double` encodes as a plain JSON number.
    /// For a range ("5%—6%", "3至5个") this is the lower bound.
    public var value: Double
    /// The upper bound of a range ("5%—6%" → 6); nil for a single figure.
    public var upperValue: Double?
    /// The unit as printed, magnitude included: "%", "万人", "个", "亿元", "个工作日", "万亩/日".
    public var unit: String
    /// Whether the figure is a floor, a ceiling, an approximation or exact.
    public var comparison: Comparison
    /// Whether the figure is a growth rate, a level or a count.
    public var kind: Kind
    /// The figure exactly as it appears in the task text, comparison words included ("达到83%", "300个以上",
    /// "控制在3天以内"), for highlighting. The label is not part of it.
    public var text: String
    /// Where `text` lies in the task text, in Characters (not UTF-16 or bytes), so a page can highlight it.
    public var range: Range<Int>

    /// Creates a target.
    public init(
        label: String, value: Double, upperValue: Double? = nil, unit: String, comparison: Comparison, kind: Kind,
        text: String, range: Range<Int>
    ) {
        self.label = label
        self.value = value
        self.upperValue = upperValue
        self.unit = unit
        self.comparison = comparison
        self.kind = kind
        self.text = text
        self.range = range
    }
}
