import DubanFormats

/// A chart as a page shows it: the SVG drawn by the server and the same numbers as a table beside it, so the
/// page needs no script, a screen reader reads the table, and a printed page keeps exact figures.
struct ChartView: Encodable {
    /// The chart's own id, for the figure's anchor.
    var id: String
    /// The drawing; trusted markup from `DubanFormats`, which escapes every text it draws.
    var svg: String
    var header: [String]
    var rows: [[String]]

    init(id: String, svg: String, table: ChartTable) {
        self.id = id
        self.svg = svg
        self.header = table.header
        self.rows = table.rows
    }

    init(_ chart: StackedBarChart) {
        self.init(id: chart.id, svg: chart.svg(), table: chart.table())
    }

    init(_ chart: LineChart) {
        self.init(id: chart.id, svg: chart.svg(), table: chart.table())
    }

    init(_ chart: ColumnChart) {
        self.init(id: chart.id, svg: chart.svg(), table: chart.table())
    }
}
