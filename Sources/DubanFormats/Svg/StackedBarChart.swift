/// The status mix of tasks by section, unit or leader: one horizontal bar per row, split into the statuses
/// (已完成, 推进中, 逾期 …). Each row's label sits above its bar, so a long unit name keeps the bar's full
/// width on a phone.
public struct StackedBarChart: Sendable, Hashable {
    /// One part of every bar (a status), drawn in the same paint in each bar and named in the legend.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var paint: ChartPaint

        /// A series painted with `paint` (for example `ChartPalette.pending`).
        public init(name: String, paint: ChartPaint) {
            self.name = name
            self.paint = paint
        }

        /// A series in `color` (`#rrggbb`; anything else draws grey), solid or outlined.
        public init(name: String, color: String, outlined: Bool = false) {
            self.init(name: name, paint: ChartPaint(color: color, outlined: outlined))
        }
    }

    /// One bar: its label and one value per series, in the order of `series`.
    public struct Row: Sendable, Hashable {
        public var label: String
        /// Missing values count as 0, extra ones are ignored; negative, NaN and infinite ones count as 0.
        public var values: [Double]

        /// A bar labelled `label`.
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// The id of the root element; the ids inside derive from it, so give each chart on a page its own.
    public var id: String
    /// The heading drawn at the top, and the chart's accessible name.
    public var title: String
    /// One sentence saying what the chart shows, read out by screen readers.
    public var description: String
    public var series: [Series]
    public var rows: [Row]
    /// True draws every bar at full width with its parts as shares; false scales bars to the largest total.
    public var normalised: Bool
    /// The heading of the label column in `table()` (单位, 领导, 板块).
    public var categoryName: String

    /// A chart of `rows`, each split into `series`.
    public init(
        id: String, title: String, description: String, series: [Series], rows: [Row], normalised: Bool = false,
        categoryName: String = "名称"
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.series = series
        self.rows = rows
        self.normalised = normalised
        self.categoryName = categoryName
    }

    /// The numbers drawn: one row per bar with its values (and shares, when normalised) and the total.
    public func table() -> ChartTable {
        let header = [categoryName] + series.map(\.name) + ["合计"]
        let body = rows.map { row in
            let values = values(of: row)
            let total = values.reduce(0, +)
            let cells = values.map { value in
                normalised ? "\(SvgNumber.text(value))（\(SvgNumber.percent(value, of: total))）" : SvgNumber.text(value)
            }
            return [row.label] + cells + [SvgNumber.text(total)]
        }
        return ChartTable(header: header, rows: body)
    }

    /// The drawable values of `row`, one per series: missing, negative and non-finite values as 0, and none
    /// so large that a total could overflow.
    func values(of row: Row) -> [Double] {
        series.indices.map { index in
            guard index < row.values.count, let value = SvgNumber.finite(row.values[index]), value > 0 else {
                return 0
            }
            return min(value, 1e15)
        }
    }
}
