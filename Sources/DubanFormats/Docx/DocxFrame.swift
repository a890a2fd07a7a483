import Foundation

/// A paragraph, table or table cell that is open while the SAX parser
/// walks `word/document.xml`.
///
/// Word nests these freely (tables in cells, text boxes in paragraphs), so
/// the handler keeps a stack of frames and folds each closed frame into its
/// parent. One value type with per-kind fields keeps that folding simple.
struct DocxFrame: Sendable {
    /// Which WordprocessingML container this frame stands for.
    enum Kind: Sendable {
        case paragraph
        case table
        case cell
    }

    /// Largest `w:gridBefore`/`w:gridAfter`/`w:gridSpan` honoured; Word itself allows 63 columns.
    static let maximumGridCount = 64

    let kind: Kind
    /// Paragraph: the text collected so far.
    var text = ""
    /// Paragraph: number of open `w:r` runs; tabs and breaks only count inside runs.
    var runDepth = 0
    /// Paragraph: true once a nested paragraph (text box) added lines.
    var containsNested = false
    /// Table: finished rows.
    var rows: [[String]] = []
    /// Table: the row being filled, nil between rows.
    var row: [String]?
    /// Table: empty grid columns to add after the current row's last cell.
    var cellsAfterRow = 0
    /// Cell: texts of the paragraphs (and flattened nested tables) in the cell.
    var parts: [String] = []
    /// Cell: number of grid columns the cell spans (`w:gridSpan`).
    var span = 1
    /// Cell: true for a `w:vMerge` continuation, whose text belongs to the cell above.
    var continuesMerge = false

    /// Adds lines of a nested paragraph or table to this paragraph or cell.
    mutating func appendNested(_ lines: [String]) {
        if kind == .cell {
            parts.append(contentsOf: lines)
            return
        }
        let content = lines.joined(separator: "\n")
        guard !content.isEmpty else { return }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += content + "\n"
        containsNested = true
    }

    /// The paragraph's final text, without the line break a text box left at its end.
    var paragraphText: String {
        guard containsNested else { return text }
        var result = text
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    /// The grid entries this cell occupies: its collapsed text followed by
    /// one empty entry per extra spanned column, or all empty for a
    /// vertical-merge continuation, so the row keeps one entry per column.
    var cellEntries: [String] {
        let columns = min(max(span, 1), Self.maximumGridCount)
        let first = continuesMerge ? "" : Self.collapseWhitespace(parts.joined(separator: " "))
        return [first] + Array(repeating: "", count: columns - 1)
    }

    /// Starts a table row.
    mutating func startRow() {
        row = []
        cellsAfterRow = 0
    }

    /// Closes the current table row, adding the `w:gridAfter` placeholders.
    mutating func endRow() {
        guard var finished = row else { return }
        finished.append(contentsOf: Array(repeating: "", count: cellsAfterRow))
        rows.append(finished)
        row = nil
    }

    /// Collapses every whitespace run to one space and trims the ends, so a
    /// cell listing units one per paragraph reads "区发改局 区科经局".
    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Parses a grid count attribute, clamped to a sane range.
    static func gridCount(_ value: String?) -> Int {
        min(max(value.flatMap { Int($0) } ?? 0, 0), maximumGridCount)
    }
}
