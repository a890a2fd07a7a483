/// A cell reference such as "B12": column and row, both from 0.
struct XlsxCellReference: Sendable, Equatable, Hashable {
    var column: Int
    var row: Int

    /// Reads "B12"; nil for anything else. Columns past XFD (16,384) are refused: no sheet has them.
    init?(_ text: String) {
        var column = 0
        var digits = ""
        for character in text {
            if let ascii = character.asciiValue, (65...90).contains(ascii), digits.isEmpty {
                column = column * 26 + Int(ascii - 64)
                guard column <= 16_384 else { return nil }
            } else if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), row >= 1, row <= 1_048_576 else { return nil }
        self.column = column - 1
        self.row = row - 1
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

/// A merged range "A2:A5": every cell of it shows the value of its top-left cell.
struct XlsxMergedRange: Sendable, Equatable {
    var start: XlsxCellReference
    var end: XlsxCellReference

    init?(_ text: String) {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2, let start = XlsxCellReference(parts[0]), let end = XlsxCellReference(parts[1]),
            start.row <= end.row, start.column <= end.column
        else { return nil }
        self.start = start
        self.end = end
    }
}
