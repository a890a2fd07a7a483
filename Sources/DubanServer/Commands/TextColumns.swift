import Foundation

/// Left-aligned columns for the terminal, measured in display cells: a Chinese character takes two.
enum TextColumns {
    /// The rows as lines, columns separated by at least two spaces.
    static func format(_ rows: [[String]]) -> String {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in
            rows.map { $0.indices.contains(column) ? cells($0[column]) : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, text in
                column == row.count - 1 ? text : text + String(repeating: " ", count: widths[column] - cells(text) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    /// Display cells of `text`: East Asian wide characters count two.
    static func cells(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || value >= 0x20000
            return total + (wide ? 2 : 1)
        }
    }
}
