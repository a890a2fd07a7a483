/// Values over periods: the on-time rate and 序时 attainment by quarter, or a target's actual against its plan
/// month by month. A missing value leaves a gap in the line rather than dropping it to zero.
public struct LineChart: Sendable, Hashable {
    /// One line: a name for the legend, a colour, and a value per x label.
    public struct Series: Sendable, Hashable {
        public var name: String
        /// Always `#rrggbb`: an invalid colour was replaced by the neutral grey.
        public var color: String
        /// One per x label; nil (and NaN or infinity) is no point. Missing trailing values are no points too.
        public var values: [Double?]
        /// Dashed for a plan or target line, solid for actuals.
        public var dashed: Bool

        /// A line in `color` (`#rrggbb`; anything else draws grey).
        public init(name: String, color: String, values: [Double?], dashed: Bool = false) {
            self.name = name
            self.color = ChartPalette.validated(color)
            self.values = values
            self.dashed = dashed
        }
    }

    /// The id of the root element; the ids inside derive from it, so give each chart on a page its own.
    public var id: String
    /// The heading drawn at the top, and the chart's accessible name.
    public var title: String
    /// One sentence saying what the chart shows, read out by screen readers.
    public var description: String
    /// The periods along the bottom ("一季度" … "全年", "1月" … "12月").
    public var xLabels: [String]
    public var series: [Series]
    /// The values' unit ("%", "亿元"); empty for plain numbers.
    public var unit: String
    /// The heading of the period column in `table()`.
    public var categoryName: String

    /// A chart of `series` over `xLabels`.
    public init(
        id: String, title: String, description: String, xLabels: [String], series: [Series], unit: String = "",
        categoryName: String = "时间"
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabels = xLabels
        self.series = series
        self.unit = unit
        self.categoryName = categoryName
    }

    /// The numbers drawn: one row per x label, one column per series, "—" where there is no value.
    public func table() -> ChartTable {
        let unitNote = unit.isEmpty ? "" : "（\(unit)）"
        let header = [categoryName] + series.map { $0.name + unitNote }
        let body = xLabels.indices.map { index in
            [xLabels[index]] + series.map { line in value(of: line, at: index).map(SvgNumber.text) ?? "—" }
        }
        return ChartTable(header: header, rows: body)
    }

    /// The drawable value of `line` at x label `index`, if there is one.
    func value(of line: Series, at index: Int) -> Double? {
        index < line.values.count ? SvgNumber.finite(line.values[index]) : nil
    }

    /// Every drawable value of every series.
    var drawableValues: [Double] {
        series.flatMap { line in xLabels.indices.compactMap { value(of: line, at: $0) } }
    }
}
