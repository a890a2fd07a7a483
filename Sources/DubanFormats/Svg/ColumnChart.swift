/// Counts in bins as vertical columns: how many units scored "<60", "60–70" … in a round, or how many tasks
/// fell due in each month. Steps on the value axis stay whole numbers, as counts are.
public struct ColumnChart: Sendable, Hashable {
    /// One column: its label and its count.
    public struct Bin: Sendable, Hashable {
        public var label: String
        /// Negative counts are drawn as 0.
        public var count: Int

        /// A bin labelled `label` holding `count`.
        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    /// The id of the root element; the ids inside derive from it, so give each chart on a page its own.
    public var id: String
    /// The heading drawn at the top, and the chart's accessible name.
    public var title: String
    /// One sentence saying what the chart shows, read out by screen readers.
    public var description: String
    public var bins: [Bin]
    /// Always `#rrggbb`: an invalid colour was replaced by the neutral grey.
    public var color: String
    /// The heading of the bin column in `table()` (分数段, 月份).
    public var categoryName: String
    /// The heading of the count column in `table()` (单位数, 任务数).
    public var valueName: String

    /// A chart of `bins`, every column in `color` (`#rrggbb`; anything else draws grey).
    public init(
        id: String, title: String, description: String, bins: [Bin], color: String = ChartPalette.blue,
        categoryName: String = "区间", valueName: String = "数量"
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.bins = bins
        self.color = ChartPalette.validated(color)
        self.categoryName = categoryName
        self.valueName = valueName
    }

    /// The numbers drawn: one row per bin with its count.
    public func table() -> ChartTable {
        ChartTable(header: [categoryName, valueName], rows: bins.map { [$0.label, String(max($0.count, 0))] })
    }
}
