/// One line of the decoded text as the layout rules see it.
struct SourceLine: Sendable {
    /// 1-based line number in the decoded text, reported with every task and warning.
    let number: Int
    /// The cleaned text (for a table line: its cells joined by single spaces).
    let text: String
    /// The cells of a tab-separated table line, nil for running text.
    let cells: [String]?
    /// A page number, an editor's mark ("（完）", "(truncated)") or similar furniture: running text skips it,
    /// a flattened table may still use it.
    let isFurniture: Bool

    /// The text with every typesetting space removed: what titles, dates and document numbers are read from.
    let compact: String

    init(number: Int, text: String, cells: [String]?, isFurniture: Bool = false) {
        self.number = number
        self.text = text
        self.cells = cells
        self.isFurniture = isFurniture
        compact = LineCleaner.collapseSpaces(text)
    }

    /// Text that running-text rules read: empty for furniture.
    var prose: String { isFurniture ? "" : text }

    /// Splits decoded text into cleaned lines, flagging page-number furniture so it never joins into a task.
    static func lines(of text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        var spaced = SpacedTable()
        var number = 0
        // Split on the newline byte: splitting a String walks grapheme clusters, ten times slower.
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if ParseBudget.stop { break }
            let capped = BracketDepth.capped(Substring(bytes))
            if let cells = spaced.cells(capped) {
                result.append(SourceLine(number: number, text: cells.joined(separator: " "), cells: cells))
                continue
            }
            for piece in CollapsedLine.pieces(capped) {
                for raw in LongLine.pieces(piece) { result.append(line(raw, number: number)) }
            }
        }
        return result
    }

    /// One cleaned line: a table row when it holds tab-separated cells, else running text.
    private static func line(_ raw: Substring, number: Int) -> SourceLine {
        if let cells = PipeRow.cells(raw) {
            let joined = LineCleaner.collapseSpaces(cells.filter { !$0.isEmpty }.joined(separator: " "))
            return SourceLine(number: number, text: joined, cells: cells)
        }
        if raw.utf8.contains(9) {
            let cells = LineCleaner.cells(raw)
            if cells.contains(where: { !$0.isEmpty }) {
                let joined = LineCleaner.collapseSpaces(cells.filter { !$0.isEmpty }.joined(separator: " "))
                return SourceLine(number: number, text: joined, cells: cells)
            }
        }
        let cleaned = LineCleaner.clean(raw)
        let furniture = LineCleaner.isPageNumber(cleaned) || LineCleaner.isEditorialMark(cleaned)
        return SourceLine(number: number, text: cleaned, cells: nil, isFurniture: furniture)
    }
}
