/// A chart's numbers as text, header first, so a page can show them as a table beside the chart: screen readers
/// read the table rather than the drawing, and a printed report keeps exact figures a bar only suggests.
public struct ChartTable: Sendable, Hashable {
    /// The column headings: the category (单位, 时间, 区间) and then one per value column.
    public var header: [String]
    /// One row per bar, point or column, each as many cells as `header`.
    public var rows: [[String]]

    /// A table of `header` over `rows`.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Header and rows together, as `CsvWriter` and `XlsxWriter.Sheet` take them.
    public var allRows: [[String]] { [header] + rows }
}
