import Foundation

/// The grid a table is drawn on: how many columns, how wide, and which cells merge.
///
/// Kept apart from the markup so the arithmetic can be checked without reading XML.
extension OfficialTable {
    /// How a data cell takes part in a vertical merge.
    enum MergeRole: Sendable, Equatable {
        /// An ordinary cell.
        case single
        /// The top cell of a merged run; it carries the text.
        case start
        /// A cell under a `start`, drawn as part of it.
        case continued
    }

    /// The number of grid columns: the widest of the header and the rows, at least one.
    var columnCount: Int {
        max(header.count, rows.map(\.count).max() ?? 0, 1)
    }

    /// True when there is nothing to draw but the caption.
    var isEmpty: Bool {
        header.isEmpty && rows.isEmpty
    }

    /// `cells` extended with empty cells to `columnCount`.
    func padded(_ cells: [String]) -> [String] {
        cells + Array(repeating: "", count: max(columnCount - cells.count, 0))
    }

    /// Column widths in twips that add up to exactly `total`.
    func columnTwips(total: Int) -> [Int] {
        let count = columnCount
        let given = columnWidths.filter { $0.isFinite && $0 > 0 }
        let fallback = given.isEmpty ? 1 : given.reduce(0, +) / Double(given.count)
        let weights = (0..<count).map { index -> Double in
            guard columnWidths.indices.contains(index) else { return fallback }
            let weight = columnWidths[index]
            return weight.isFinite && weight > 0 ? weight : fallback
        }
        let sum = weights.reduce(0, +)
        var widths = weights.dropLast().map { Int((Double(total) * $0 / sum).rounded(.down)) }
        widths.append(total - widths.reduce(0, +))
        return widths
    }

    /// The merge role of every data cell, by row and column of `rows` (padded).
    func mergeRoles() -> [[MergeRole]] {
        let cells = rows.map(padded)
        var roles = cells.map { Array(repeating: MergeRole.single, count: $0.count) }
        for column in mergedColumns where (0..<columnCount).contains(column) {
            for row in cells.indices.dropFirst() {
                let text = cells[row][column]
                guard !Self.isBlank(text), text == cells[row - 1][column] else { continue }
                roles[row][column] = .continued
                if roles[row - 1][column] == .single { roles[row - 1][column] = .start }
            }
        }
        return roles
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
