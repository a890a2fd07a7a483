/// Recognises the 序号 cell of a table row. Most tables number rows 1, 2, 3; a table that carries a prose
/// plan's items keeps their own numbers — "(一)", "（3）", "1.2", "①" — and Duban's template writes them back
/// that way.
enum TableRowNumber {
    /// The kind of number a cell holds, nil when it holds none.
    enum Form: Equatable {
        /// Plain digits: a row of any table.
        case digits
        /// Bracketed, Chinese, dotted or circled: a row only when it states a role, since a group heading
        /// ("一 | 稳增长") looks the same otherwise.
        case marker
    }

    /// What `cell` (spaces removed) holds.
    static func form(of cell: String) -> Form? {
        guard !cell.isEmpty, cell.count <= 8 else { return nil }
        if cell.allSatisfy({ CharacterClass.digitValue($0) != nil }) { return .digits }
        var inner = Substring(cell)
        if let first = inner.first, let last = inner.last, "(（".contains(first), ")）".contains(last) {
            inner = inner.dropFirst().dropLast()
        } else if let last = inner.last, ".．、".contains(last) {
            inner = inner.dropLast()
        }
        guard !inner.isEmpty else { return nil }
        if inner.allSatisfy({ CharacterClass.digitValue($0) != nil || ".．".contains($0) }),
            let first = inner.first, CharacterClass.digitValue(first) != nil,
            let last = inner.last, CharacterClass.digitValue(last) != nil
        {
            return .marker
        }
        if ChineseNumeral.value(of: inner) != nil { return .marker }
        if inner.count == 1, let scalar = inner.unicodeScalars.first, (0x2460...0x2473).contains(scalar.value) {
            return .marker
        }
        return nil
    }
}
