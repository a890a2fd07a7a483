import Foundation

/// A table in an official document: a 责任分解 list, a progress table or an attachment's 清单.
///
/// Tables in bulletins usually list each 责任单位 once beside all of its rows, so equal consecutive cells
/// in chosen columns can be merged vertically instead of being repeated.
public struct OfficialTable: Sendable, Equatable {
    /// A line set above the table ("表1　第三季度重点工作推进情况"); nil for none.
    public var caption: String?
    /// The header row, repeated at the top of every page the table runs onto; empty for none.
    public var header: [String]
    /// The data rows; short rows are padded with empty cells to the widest row.
    public var rows: [[String]]
    /// Relative column widths (e.g. `[1, 4, 2, 5]`); missing or non-positive entries take the average of
    /// the others, and an empty list gives equal columns.
    public var columnWidths: [Double]
    /// 0-based columns in which equal, non-empty consecutive data cells are merged into one.
    public var mergedColumns: Set<Int>

    /// Describes a table; only `header` and `rows` are required.
    public init(
        caption: String? = nil, header: [String], rows: [[String]], columnWidths: [Double] = [],
        mergedColumns: Set<Int> = []
    ) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
        self.mergedColumns = mergedColumns
    }
}
