/// Puts back tables whose cells were joined with blanks on one line per row (what copying a table out of a
/// web page often gives): "序号 工 作 任 务 牵头负责部门" / "1 居民消费价格涨幅3%左右 发展改革委".
///
/// Read from the raw lines, before cleaning drops the blanks next to Chinese characters. The header is
/// recognised like any table header once its letter-spaced words are joined again; each row that follows,
/// starting with its number, is cut into the header's columns: the number first, the last columns from its
/// last words, and the task's text — which may hold blanks itself — in between.
struct SpacedTable {
    /// The columns of the table being read; 0 outside one.
    private var columns = 0

    /// The cells of `raw` when it is the header or a row of a blank-separated table.
    mutating func cells(_ raw: Substring) -> [String]? {
        let words = Self.words(raw)
        if let header = Self.header(words) {
            columns = header.count
            return header
        }
        guard columns > 0 else { return nil }
        if words.isEmpty { return nil }
        if let row = Self.row(words, columns: columns) { return row }
        columns = 0
        return nil
    }

    private static func header(_ words: [String]) -> [String]? {
        guard let first = words.first, first == "序号" || first == "编号" || first.hasPrefix("序号") else { return nil }
        let cells = joinLetterSpaced(words)
        guard cells.count >= 3, TableHeader.detect(cells) != nil else { return nil }
        return cells
    }

    private static func row(_ words: [String], columns: Int) -> [String]? {
        guard let first = words.first, first.allSatisfy({ CharacterClass.digitValue($0) != nil }),
            words.count >= columns
        else { return nil }
        let trailing = columns - 2
        let text = words[1..<(words.count - trailing)].joined(separator: " ")
        return [first, text] + words.suffix(trailing)
    }

    private static func words(_ raw: Substring) -> [String] {
        guard raw.contains(where: CharacterClass.isSpace), !raw.utf8.contains(9), PipeRow.cells(raw) == nil else {
            return []
        }
        return raw.split(whereSeparator: CharacterClass.isSpace).map(String.init)
    }

    /// "工 作 任 务" → "工作任务": runs of single characters are one letter-spaced word.
    private static func joinLetterSpaced(_ words: [String]) -> [String] {
        var result: [String] = []
        var run = ""
        for word in words {
            if word.count == 1 {
                run += word
            } else {
                if !run.isEmpty { result.append(run) }
                run = ""
                result.append(word)
            }
        }
        if !run.isEmpty { result.append(run) }
        return result
    }
}
