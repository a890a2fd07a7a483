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
    /// The header came again while the current row was open: the row may have been cut at a page break.
    private var headerRepeatedInRow = false
    /// Section headings written as rows of the table ("一、稳增长" spanning every column).
    private var headings = SectionStack()
    /// Heading lines claimed since the last task row: given back to the running text if the table ends there.
    private var trailingHeadingLines: [Int] = []
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
            if detected != header {
                flushRow()
                headings.reset()
            } else if row != nil {
                headerRepeatedInRow = true
            }
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
        if let form = TableRowNumber.form(of: first), form == .digits || statesRole(cells, header: header) {
            let next = TableRow(line: line, number: first, cells: cells, header: header).realigned()
            if let current = row, current.number == first, current.header == header,
                headerRepeatedInRow || current.repeats(next)
            {
                // The same number again right after a page break: the extractor repeated the row's start.
                // Two whole rows that share a number (lists restarting per unit) stay two tasks.
                row?.absorb(repeated: next.cells)
                return
            }
            flushRow()
            row = next
            headerRepeatedInRow = false
            captureContext()
        } else if first.isEmpty, !filled.isEmpty, row != nil {
            row?.absorb(continuation: cells)
        } else if !first.isEmpty, filled.isEmpty {
            flushRow()
            let text = LineCleaner.collapseSpaces(first)
            if !enterHeading(text, line: line) { title = text }
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
            if header != nil {
                // A title inside an open table starts the next part of it, whether or not a header follows.
                output.claimedLines.insert(line)
                flushRow()
                title = text
                headings.reset()
                trailingHeadingLines = []
            } else {
                pendingTitle = text
            }
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
        if enterHeading(text, line: line) {
            output.claimedLines.insert(line)
            trailingHeadingLines.append(line)
            return
        }
        flushRow()
        header = nil
        headings.reset()
        // Headings right before the table ends head the running text that follows, not the table.
        for line in trailingHeadingLines { output.claimedLines.remove(line) }
        trailingHeadingLines = []
    }

    /// True when a row fills a role column: a numbered row with roles is a task, whatever its numbering.
    private func statesRole(_ cells: [String], header: TableHeader) -> Bool {
        header.columns.enumerated().contains { offset, column in
            guard case .role(let role) = column, role != .deadline else { return false }
            return !(cells[safe: offset] ?? "").isEmpty
        }
    }

    /// Enters a section heading written as a row of the open table; false when the text is not a heading.
    private mutating func enterHeading(_ text: String, line: Int) -> Bool {
        guard header?.isCascade != true, case .heading(let level, let marker, _) = LineStart.classify(text) else {
            return false
        }
        flushRow()
        headings.push(
            .init(level: level, marker: marker, printed: text, line: line, roles: TaskRoles(), declared: nil))
        return true
    }

    /// Remembers where the current row stands, for its sections and key.
    private mutating func captureContext() {
        trailingHeadingLines = []
        let heading = title ?? pendingTitle
        rowTitle = headings.printed.last { SectionStack.kind(named: $0) != nil } ?? heading
        rowSection = headings.printed.isEmpty ? (heading.map { [$0] } ?? []) : headings.printed
        var path: [String] = []
        if header?.isCascade == true, annex > 0 { path.append("附件\(annex)") }
        if let group { path.append(group.label) }
        if let heading, let kind = SectionStack.kind(named: heading), kind != .task, header?.isCascade != true {
            path.append(kind.label)
        }
        rowKeyPath = path + headings.keyPath
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
