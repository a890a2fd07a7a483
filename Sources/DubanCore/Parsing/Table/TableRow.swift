/// One data row of a task table, possibly continued over a page break.
struct TableRow: Sendable {
    let line: Int
    let number: String
    var cells: [String]
    let header: TableHeader

    /// Adds a continuation row (first cell empty) printed after a page break.
    ///
    /// Each cell continues its own column, with one exception: in a cascade table the higher level's task is a
    /// quotation of a published document that the lower level never extends, so text that lands in that
    /// column while this level's own column stays empty belongs to this level's own text.
    mutating func absorb(continuation: [String]) {
        let textIndex = header.index(of: .text)
        let parentIndex = header.index(of: .parentText)
        for (offset, cell) in continuation.enumerated() where !cell.isEmpty && offset > 0 {
            var target = offset
            if offset == parentIndex, let textIndex, continuation.indices.contains(textIndex),
                continuation[textIndex].isEmpty
            {
                target = textIndex
            }
            while cells.count <= target { cells.append("") }
            cells[target] = Self.joinCell(cells[target], cell, column: header.columns[safe: target] ?? .other)
        }
    }

    /// Adds the cells of a row printed again with the same number after a page break; cells printed twice
    /// are kept once.
    /// True when `other` only repeats this row's start: its text is empty or already part of this row's.
    func repeats(_ other: TableRow) -> Bool {
        guard let textIndex = header.index(of: .text) else { return true }
        let mine = Fingerprint(cells[safe: textIndex] ?? "").normalized
        let theirs = Fingerprint(other.cells[safe: textIndex] ?? "").normalized
        return theirs.isEmpty || mine.contains(theirs) || theirs.contains(mine)
    }

    mutating func absorb(repeated other: [String]) {
        for (offset, cell) in other.enumerated() where !cell.isEmpty && offset > 0 {
            while cells.count <= offset { cells.append("") }
            let existing = cells[offset]
            if Fingerprint(existing).normalized == Fingerprint(cell).normalized || existing.contains(cell) { continue }
            cells[offset] = Self.joinCell(existing, cell, column: header.columns[safe: offset] ?? .other)
        }
    }

    /// Undoes a shift left caused by an empty cell lost in extraction: when the text column holds a deadline
    /// ("1—12月") and the last column is empty, the row's own text was the empty cell.
    func realigned() -> TableRow {
        guard let textIndex = header.index(of: .text), let deadlineIndex = header.index(of: .role(.deadline)),
            deadlineIndex == textIndex + 1, cells.indices.contains(textIndex),
            DeadlineText.looksLikeDeadline(cells[textIndex]),
            cells.count < header.columns.count || cells.last?.isEmpty == true
        else { return self }
        var shifted = cells
        if shifted.count >= header.columns.count, shifted.last?.isEmpty == true { shifted.removeLast() }
        shifted.insert("", at: textIndex)
        var copy = self
        copy.cells = shifted
        return copy
    }

    private static func joinCell(_ head: String, _ tail: String, column: TableColumn) -> String {
        if head.isEmpty { return tail }
        switch column {
        case .role(.deadline):
            return head == tail ? head : head + "、" + tail
        case .role:
            return head + " " + tail
        default:
            return BlockBuilder.join(head, tail)
        }
    }

    /// The cell under a column kind, or "" when the row is short.
    func cell(_ column: TableColumn) -> String {
        guard let index = header.index(of: column), cells.indices.contains(index) else { return "" }
        return cells[index]
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Recognises deadline cells ("12月", "1—12月", "6月底", "2023年12月", "年底前", "长期坚持").
enum DeadlineText {
    /// True for a short text that states only a time.
    static func looksLikeDeadline(_ text: String) -> Bool {
        let compact = text.filter { !CharacterClass.isSpace($0) }
        guard !compact.isEmpty, compact.count <= 12 else { return false }
        if ["年底", "年底前", "长期", "长期坚持", "持续推进", "全年"].contains(compact) { return true }
        let allowed = Set("0123456789０１２３４５６７８９年月日底前中旬上下份—–-~～至、")
        return compact.allSatisfy { allowed.contains($0) } && (compact.bytesContain("月") || compact.bytesContain("年"))
    }
}
