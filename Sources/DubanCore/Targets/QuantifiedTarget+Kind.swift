extension QuantifiedTarget {
    /// What sort of quantity the figure is, so a report can show a rate next to its base year and a count as
    /// progress towards a total.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A change in percent (or percentage points, or times): the label ends in a change word such as 增长,
        /// 下降, 增幅, 提高, 压减 — "地区生产总值增长6%左右".
        case growthRate
        /// Where an indicator should stand: a share or rate that is not a change ("空气质量优良天数比例达到83%"),
        /// a sum of money ("兑现资金不少于5000万元") or a time ("办理时限压缩至1个工作日以内", "重污染天数控制在3天以内").
        case level
        /// A number of things built, added, served or done, physical quantities included: "新增学位3600个",
        /// "新增城镇就业1.2万人", "建设高标准农田6700亩".
        case count
    }
}
