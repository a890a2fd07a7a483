import DubanFormats
import Foundation

/// A plan's text written again as a Word document and as an Excel workbook by Duban's own writers.
///
/// The fuzzer starts from these, so its mutations begin inside real ZIP and XML structure and not only in text;
/// the regression test reads them back to check that a plan parses to the same tasks in every format.
public enum SeedDocuments {
    /// The Word document: lines with tabs become table rows, as a decomposition table's rows are; other lines
    /// stay paragraphs.
    public static func docx(lines: [String]) throws -> Data {
        var blocks: [DocxBlock] = []
        var rows: [[String]] = []
        for line in lines {
            if line.contains("\t") {
                rows.append(line.components(separatedBy: "\t"))
                continue
            }
            if !rows.isEmpty {
                blocks.append(.table(squared(rows)))
                rows = []
            }
            blocks.append(.paragraph(line))
        }
        if !rows.isEmpty { blocks.append(.table(squared(rows))) }
        return try DocxWriter.data(blocks: blocks)
    }

    /// The workbook: one sheet, a row per line, a cell per tab-separated field.
    public static func xlsx(lines: [String]) throws -> Data {
        try XlsxWriter.data(sheets: [.init(name: "任务", rows: lines.map { $0.components(separatedBy: "\t") })])
    }

    /// Rows padded to the widest, as a Word table's grid is.
    private static func squared(_ rows: [[String]]) -> [[String]] {
        let width = rows.map(\.count).max() ?? 0
        return rows.map { $0 + Array(repeating: "", count: width - $0.count) }
    }
}
