/// One line of the decoded text as the layout rules see it.
struct SourceLine: Sendable {
    /// 1-based line number in the decoded text, reported with every task and warning.
    let number: Int
    /// The cleaned text (for a table line: its cells joined by single spaces).
    let text: String
    /// The cells of a tab-separated table line, nil for running text.
    let cells: [String]?

    /// Splits decoded text into cleaned lines; page-number furniture becomes an empty line so it never joins
    /// into a task.
    static func lines(of text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if raw.contains("\t") {
                let cells = LineCleaner.cells(raw)
                if cells.contains(where: { !$0.isEmpty }) {
                    let joined = LineCleaner.collapseSpaces(cells.filter { !$0.isEmpty }.joined(separator: " "))
                    result.append(SourceLine(number: number, text: joined, cells: cells))
                    continue
                }
            }
            let cleaned = LineCleaner.clean(raw)
            result.append(SourceLine(number: number, text: LineCleaner.isPageNumber(cleaned) ? "" : cleaned, cells: nil))
        }
        return result
    }
}
