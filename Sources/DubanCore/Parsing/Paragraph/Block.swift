/// A paragraph put back together from one or more lines: a heading, a numbered item, a role line, or free text.
struct Block: Sendable {
    enum Kind: Sendable, Equatable {
        case heading(level: Int, marker: String, printed: String)
        case numbered(Int)
        case roleLabel
        case attachment
        case footer
        case title
        case free
    }

    var kind: Kind
    /// The joined text.
    var text: String
    /// Line number of the first line.
    var line: Int
}

/// Joins lines into blocks.
///
/// A line that announces a new paragraph (see `LineStart`) starts a block; any other line continues the
/// current block when that block can still grow, so "区人力资源和社会保障" + "局" becomes one unit name again.
enum BlockBuilder {
    /// Builds blocks from the running-text lines of one document, skipping the lines in `skip` (table regions)
    /// and marking the lines in `titles` as title blocks.
    static func blocks(of lines: ArraySlice<SourceLine>, skip: Set<Int>, titles: [TitleSpan]) -> [Block] {
        let titleStarts = Dictionary(titles.map { ($0.firstLine, $0) }, uniquingKeysWith: { first, _ in first })
        var blocks: [Block] = []
        var index = lines.startIndex
        while index < lines.endIndex, !ParseBudget.stop {
            let line = lines[index]
            index += 1
            guard line.cells == nil, !line.prose.isEmpty, !skip.contains(line.number) else {
                if line.cells != nil || skip.contains(line.number) { closeLast(&blocks) }
                continue
            }
            if let title = titleStarts[line.number] {
                blocks.append(Block(kind: .title, text: title.text, line: line.number))
                while index < lines.endIndex, lines[index].number <= title.lastLine { index += 1 }
                continue
            }
            if let start = LineStart.classify(line.text) {
                let kind = kind(of: start)
                if kind == .roleLabel, let (label, rest) = splitAfterSentence(line.text) {
                    // "部门分工:…等配合。 打造…": a collapsed page runs the next paragraph on after the roles.
                    blocks.append(Block(kind: .roleLabel, text: label, line: line.number))
                    blocks.append(Block(kind: .free, text: rest, line: line.number))
                    continue
                }
                blocks.append(Block(kind: kind, text: line.text, line: line.number))
            } else if let last = blocks.last, canContinue(last) {
                blocks[blocks.count - 1].text = join(last.text, line.text)
            } else {
                blocks.append(Block(kind: .free, text: line.text, line: line.number))
            }
        }
        return blocks
    }

    private static func kind(of start: LineStart) -> Block.Kind {
        switch start {
        case .heading(let level, let marker, let printed): .heading(level: level, marker: marker, printed: printed)
        case .numbered(let value): .numbered(value)
        case .roleLabel: .roleLabel
        case .attachment: .attachment
        case .footer: .footer
        }
    }

    /// A table in the middle of running text ends the paragraph before it.
    private static func closeLast(_ blocks: inout [Block]) {
        guard let last = blocks.last, last.kind != .free || !last.text.isEmpty else { return }
        blocks.append(Block(kind: .footer, text: "", line: last.line))
    }

    /// A role line cut at its first full stop followed by a blank and more text: Chinese prose has no blank
    /// after a full stop, so what follows is a paragraph of its own that lost its line break.
    static func splitAfterSentence(_ text: String) -> (String, String)? {
        guard let stop = text.firstIndex(of: "。") else { return nil }
        let after = text.index(after: stop)
        guard after < text.endIndex, CharacterClass.isSpace(text[after]) else { return nil }
        let rest = text[after...].trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return nil }
        return (String(text[...stop]), rest)
    }

    /// Whether the block can take the next unannounced line.
    private static func canContinue(_ block: Block) -> Bool {
        // No paragraph of a plan is this long; joining on would copy and rescan a growing block at every line,
        // quadratic in a file whose numbering the reader lost.
        guard block.text.utf8.count < LongLine.maximumBytes else { return false }
        switch block.kind {
        case .numbered: return !endsWithRoleClause(block.text)
        // A free paragraph ends with its sentence: the next line after "。" or "：" begins another (a news
        // reprint's unnumbered task after its lead paragraph), which a role line below may make a task.
        case .free: return !["。", "：", ":"].contains(where: { block.text.hasSuffix($0) })
        case .heading: return looksWrapped(block.text)
        // A role line ending with a whole unit name is complete: what follows (a signature, a date) is not
        // more of its list.
        case .roleLabel: return looksWrapped(block.text) && !endsWithWholeName(block.text)
        case .attachment, .footer, .title: return false
        }
    }

    /// True when the last name of a role line is complete on its own ("…、区住房和城市更新局").
    private static func endsWithWholeName(_ text: String) -> Bool {
        guard let last = text.split(whereSeparator: { "、，,；;：: ".contains($0) }).last else { return false }
        return NameShape.ending(of: String(last)) == .organisation
    }

    /// A line cut by the page width: long, and not ending a sentence or a bracket.
    static func looksWrapped(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        if "、，,".contains(last) { return true }
        return !CharacterClass.isSentenceEnd(last) && !CharacterClass.isCloseParen(last)
            && text.scalarCountIsAtLeast(18)
    }

    /// A numbered item whose unit clause has closed is complete; what follows is not its text.
    private static func endsWithRoleClause(_ text: String) -> Bool {
        // "…（省教育厅牵头）。": the sentence's full stop may follow the clause.
        guard let last = text.last(where: { !"。；;".contains($0) }), CharacterClass.isCloseParen(last) else {
            return false
        }
        return TrailingClause.split(text).clause != nil
    }

    /// Joins two pieces of a broken line: no space between Chinese text, one between Latin words.
    static func join(_ head: String, _ tail: String) -> String {
        guard let last = head.last, let first = tail.first else { return head + tail }
        if CharacterClass.isCJK(last) || CharacterClass.isCJK(first) { return head + tail }
        return head + " " + tail
    }
}
