/// What the table reader found, and which lines it consumed so the running-text reader skips them.
struct TableParseResult: Sendable {
    var result = LayoutResult()
    var claimedLines = Set<Int>()
    /// How many annexed tables ("附件1" …) the document holds.
    var annexCount = 0
}

/// Reads plans laid out as tables (tab-separated rows, as Word tables and spreadsheet exports give them):
/// decomposition tables grouped under "责任单位：区发改局" headings, with numbering restarting per group and
/// header rows repeated at page breaks; and cascade tables that localise a higher level's tasks.
struct TableLayoutParser {
    private var output = TableParseResult()
    private var header: TableHeader?
    private var group: TableGroup?
    private var pendingGroup: (group: TableGroup, line: Int)?
    private var title: String?
    private var pendingTitle: String?
    private var annex = 0
    private var row: TableRow?
    private var rowSection: [String] = []
    private var rowKeyPath: [String] = []
    private var rowTitle: String?
    private var plainTasks: [PlanTask] = []
    private var cascadeTasks: [PlanTask] = []
    private var annexTaskCounts: [Int: Int] = [:]

    /// Reads the table regions of one document.
    static func parse(_ lines: ArraySlice<SourceLine>) -> TableParseResult {
        var parser = TableLayoutParser()
        for line in lines {
            guard !ParseBudget.stop else { break }
            let before = parser.plainTasks.count + parser.cascadeTasks.count
            parser.read(line)
            let after = parser.plainTasks.count + parser.cascadeTasks.count
            guard !ParseBudget.found(tasks: after - before) else { break }
        }
        parser.flushRow()
        return parser.finish(lines)
    }

    private mutating func read(_ line: SourceLine) {
        if let cells = line.cells {
            readCells(cells, line: line.number)
        } else if !line.compact.isEmpty {
            readText(line.compact, line: line.number)
        }
    }

    private mutating func readCells(_ cells: [String], line: Int) {
        if let detected = TableHeader.detect(cells) {
            // A header repeated at a page break keeps the open row open: the row may continue below it.
            if detected != header { flushRow() }
            if header == nil || detected != header {
                title = pendingTitle ?? title
                pendingTitle = nil
            }
            if let pending = pendingGroup {
                group = pending.group
                output.claimedLines.insert(pending.line)
                pendingGroup = nil
            }
            header = detected
            output.claimedLines.insert(line)
            return
        }
        guard let header else { return }
        output.claimedLines.insert(line)
        let first = cells.first.map { $0.filter { !CharacterClass.isSpace($0) } } ?? ""
        let filled = cells.dropFirst().filter { !$0.isEmpty }
        if !first.isEmpty, first.allSatisfy({ CharacterClass.digitValue($0) != nil }) {
            let next = TableRow(line: line, number: first, cells: cells, header: header).realigned()
            if let current = row, current.number == first, current.header == header {
                // The same number again right after a page break: the extractor repeated the row's start.
                row?.absorb(repeated: next.cells)
                return
            }
            flushRow()
            row = next
            captureContext()
        } else if first.isEmpty, !filled.isEmpty, row != nil {
            row?.absorb(continuation: cells)
        } else if !first.isEmpty, filled.isEmpty {
            flushRow()
            title = LineCleaner.collapseSpaces(first)
        } else if !first.isEmpty {
            output.result.warn(line, "第\(line)行的表格行未能识别：\(TaskText.excerpt(cells.joined(separator: " ")))")
        }
    }

    private mutating func readText(_ text: String, line: Int) {
        if text.bytesHasPrefix("附"), LineStart.classify(text) == .attachment {
            flushRow()
            annex += 1
            pendingTitle = nil
            if header != nil { output.claimedLines.insert(line) }
            header = nil
            return
        }
        if TableText.isTableTitle(text) {
            pendingTitle = text
            if header != nil { output.claimedLines.insert(line) }
            return
        }
        if let found = TableText.group(text) {
            flushRow()
            title = nil
            if header == nil {
                pendingGroup = (found, line)
            } else {
                group = found
                output.claimedLines.insert(line)
            }
            return
        }
        guard header != nil else { return }
        flushRow()
        header = nil
    }

    /// Remembers where the current row stands, for its sections and key.
    private mutating func captureContext() {
        let heading = title ?? pendingTitle
        rowTitle = heading
        rowSection = heading.map { [$0] } ?? []
        var path: [String] = []
        if header?.isCascade == true, annex > 0 { path.append("附件\(annex)") }
        if let group { path.append(group.label) }
        if let heading, let kind = SectionStack.kind(named: heading), kind != .task, header?.isCascade != true {
            path.append(kind.label)
        }
        rowKeyPath = path
    }

    private mutating func flushRow() {
        guard let current = row else { return }
        row = nil
        let task = TableTask.make(
            from: current, sections: rowSection, keyPath: rowKeyPath, title: rowTitle, group: group)
        // A blank form's rows ("1 | 1.…… | | |") state nothing: they are a template, not tasks.
        guard TaskText.isTaskLike(task.text) || TaskText.isTaskLike(task.parent?.text ?? "") else { return }
        if current.header.isCascade {
            cascadeTasks.append(task)
            annexTaskCounts[annex, default: 0] += 1
        } else {
            plainTasks.append(task)
        }
    }

    private mutating func finish(_ lines: ArraySlice<SourceLine>) -> TableParseResult {
        let merged = DuplicateMerger.merge(plainTasks)
        output.result.tasks = merged.tasks + cascadeTasks
        output.result.warnings += merged.warnings
        output.annexCount = annexTaskCounts.count
        output.result.declaredCounts = NoticeCounts.declared(in: lines, annexCounts: annexTaskCounts)
        return output
    }
}
