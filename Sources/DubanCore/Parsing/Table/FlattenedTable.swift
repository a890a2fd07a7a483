/// Puts back together tables whose cells were printed one per line (what copying a Word table into a text
/// box, or some PDF extractors, produce): "序号 / 工作任务 / 责任单位 / 1 / 推进… / 区发改局 / 2 / …".
///
/// The header is recognised like any table header; each row then runs from its number to the line before
/// the next number, so a row that lost an empty cell still stays one row.
enum FlattenedTable {
    /// The lines with every flattened table turned into tab-separated rows (line numbers of each row's first
    /// cell are kept).
    static func expand(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        var index = 0
        while index < lines.count {
            guard !ParseBudget.stop else { break }
            if let (header, after) = header(in: lines, from: index) {
                result.append(
                    SourceLine(number: lines[index].number, text: header.joined(separator: " "), cells: header))
                let (rows, next) = rows(in: lines, from: after, width: header.count)
                result += rows
                index = next
            } else {
                result.append(lines[index])
                index += 1
            }
        }
        return result
    }

    /// A run of single-cell lines forming a task-table header; returns the cells and the index after them.
    private static func header(in lines: [SourceLine], from start: Int) -> ([String], Int)? {
        guard lines[start].cells == nil, ["序号", "编号"].contains(lines[start].text) else { return nil }
        var cells: [String] = []
        var index = start
        while index < lines.count, cells.count < 10 {
            let line = lines[index]
            guard line.cells == nil else { break }
            if line.text.isEmpty { index += 1; continue }
            if !cells.isEmpty, isRowNumber(line.text) { break }
            cells.append(line.text)
            index += 1
        }
        guard cells.count >= 3, TableHeader.detect(cells) != nil else { return nil }
        return (cells, index)
    }

    /// Rows numbered 1, 2, 3 … until a line that is neither the next number nor inside a row.
    private static func rows(in lines: [SourceLine], from start: Int, width: Int) -> ([SourceLine], Int) {
        var rows: [SourceLine] = []
        var index = start
        var expected = 1
        while index < lines.count, lines[index].cells == nil {
            while index < lines.count, lines[index].cells == nil, lines[index].text.isEmpty { index += 1 }
            guard index < lines.count, lines[index].cells == nil, lines[index].text == String(expected) else { break }
            let first = lines[index].number
            var cells = [lines[index].text]
            index += 1
            while index < lines.count, lines[index].cells == nil, cells.count < width,
                lines[index].text != String(expected + 1)
            {
                if !lines[index].text.isEmpty { cells.append(lines[index].text) }
                index += 1
            }
            rows.append(SourceLine(number: first, text: cells.joined(separator: " "), cells: cells))
            expected += 1
        }
        return (rows, index)
    }

    private static func isRowNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 3 && text.allSatisfy { CharacterClass.digitValue($0) != nil }
    }
}
