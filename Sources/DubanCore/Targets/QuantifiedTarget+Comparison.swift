extension QuantifiedTarget {
    /// How the figure bounds what must be achieved. Words after the figure ("以上", "以内", "左右") decide first,
    /// then words before it ("不少于", "控制在", "达到"); a range with neither is `.about`.
    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        /// A floor: 以上, 不少于, 不低于, 达到, 超过, 突破, ≥.
        case atLeast
        /// A ceiling: 以内, 以下, 不超过, 控制在, 压缩至, ≤.
        case atMost
        /// An approximation: 左右, 约, and ranges such as "5%—6%".
        case about
        /// The figure with no bounding words: "新增学位3600个".
        case exact
    }
}
