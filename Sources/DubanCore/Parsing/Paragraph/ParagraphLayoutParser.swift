/// Reads plans written as running text: headings (一、 / (一) / ——), numbered tasks, and roles given either in
/// a trailing parenthesis, on lines of their own below the task, on the heading above, or for several tasks
/// at once ("以上6项责任单位：…").
struct ParagraphLayoutParser {
    private var stack = SectionStack()
    private var result = LayoutResult()
    private var lastNumber: Int?
    /// The index in `result.tasks` that role lines attach to; nil after a heading or free paragraph.
    private var openTask: Int?
    /// A "(一)…(牵头单位:…)" line: a task when nothing is numbered beneath it, else a heading.
    private var candidate: (block: Block, body: String, clause: RoleClause?)?
    /// A "(一)总的要求。…" paragraph with no roles of its own: a task when the next paragraph goes on with its
    /// words and ends with the roles ("…(分管副省长负责,省发改委牵头)").
    private var openItem: (number: String, text: String, line: Int)?
    /// True when the open task has roles of its own (a clause or role lines), not only its headings'.
    private var openTaskHasRoles = false
    private var bodyStarted: Bool
    /// True after a "注：" / "说明：" paragraph, whose numbered points are notes, not tasks.
    private var inNote = false
    /// The paragraph just read when it was free text like a task's: a task after all when role lines follow
    /// it directly, as in a news reprint that prints no numbers ("贯彻实施…。" / "分管领导:…" / "部门分工:…").
    private var lastFree: (text: String, line: Int)?
    /// Tasks read so far without a printed number; each is numbered by its place among them.
    private var unnumbered = 0
    /// True when the document numbers its tasks anywhere: an unnumbered paragraph is then no task.
    private var numbersTasks = false

    /// `bodyStarted` is false when a plan title exists further down: numbered paragraphs of the notice above
    /// it are then not read as tasks.
    init(bodyStarted: Bool) {
        self.bodyStarted = bodyStarted
    }

    /// Reads the blocks of one document.
    static func parse(_ blocks: [Block], bodyStarted: Bool) -> LayoutResult {
        var parser = ParagraphLayoutParser(bodyStarted: bodyStarted)
        parser.numbersTasks = blocks.contains { block in
            if case .numbered = block.kind { return true }
            return false
        }
        for block in blocks {
            guard !ParseBudget.stop else { break }
            let before = parser.result.tasks.count
            parser.read(block)
            guard !ParseBudget.found(tasks: parser.result.tasks.count - before) else { break }
        }
        parser.settleCandidate(nextIsChild: false)
        return parser.result
    }

    private mutating func read(_ block: Block) {
        if block.kind != .free { openItem = nil }
        let free = lastFree
        lastFree = nil
        if case .numbered = block.kind {
            settleCandidate(nextIsChild: true)
        } else if case .heading(let level, _, _) = block.kind, let pending = candidate,
            case .heading(let candidateLevel, _, _) = pending.block.kind
        {
            settleCandidate(nextIsChild: level > candidateLevel)
        } else if block.kind != .roleLabel {
            settleCandidate(nextIsChild: false)
        }
        if case .numbered = block.kind {
        } else {
            inNote = block.kind == .free && (block.text.bytesHasPrefix("注") || block.text.bytesHasPrefix("说明"))
        }
        switch block.kind {
        case .title, .attachment:
            stack.reset()
            lastNumber = nil
            openTask = nil
            bodyStarted = bodyStarted || block.kind == .title || block.kind == .attachment
        case .footer:
            openTask = nil
        case .heading(let level, let marker, let printed):
            readHeading(block, level: level, marker: marker, printed: printed)
        case .numbered(let number):
            readNumbered(block, number: number)
        case .roleLabel:
            // Only in a document that numbers no task: in a numbered plan, role lines after a heading's prose
            // belong to the heading's tasks.
            if openTask == nil, !numbersTasks, let free { addUnnumberedTask(free) }
            readRoleLine(block)
        case .free:
            readFree(block)
        }
    }

    private mutating func readHeading(_ block: Block, level: Int, marker: String, printed: String) {
        let (rawBody, clause) = TrailingClause.split(block.text)
        let body = LineCleaner.collapseSpaces(rawBody)
        openTask = nil
        if let clause, level >= 2, clause.roles.hasUnits, clause.roles.overallLeadUnits.isEmpty {
            candidate = (block, body, clause)
            return
        }
        guard HeadingText.isHeading(body) else {
            readFree(block)
            if clause == nil, bodyStarted {
                openItem = (printed, HeadingText.removingMarker(body, level: level, marker: marker), block.line)
            }
            return
        }
        let declared = HeadingText.declaredCount(in: body)
        if let declared {
            result.declaredCounts.append(.init(text: declared.text, declared: declared.value, found: 0))
        }
        var roles = clause?.roles ?? TaskRoles()
        roles.absorb(HeadingRoles.read(HeadingText.removingMarker(body, level: level, marker: marker)))
        stack.push(
            .init(level: level, marker: marker, printed: body, line: block.line, roles: roles, declared: declared))
    }

    /// Decides what a pending "(一)…(牵头单位:…)" line was, once the next block is known.
    private mutating func settleCandidate(nextIsChild: Bool) {
        guard let pending = candidate, case .heading(let level, let marker, let printed) = pending.block.kind else {
            return
        }
        candidate = nil
        if nextIsChild {
            stack.push(
                .init(
                    level: level, marker: marker, printed: pending.body, line: pending.block.line,
                    roles: pending.clause?.roles ?? TaskRoles(), declared: nil))
            return
        }
        let text = HeadingText.removingMarker(pending.body, level: level, marker: marker)
        addTask(number: printed, text: text, clause: pending.clause, line: pending.block.line)
    }

    private mutating func readNumbered(_ block: Block, number: Int) {
        guard let (_, rawBody) = LineStart.leadingNumber(block.text) else { return }
        let (body, clause) = TrailingClause.split(String(rawBody))
        guard bodyStarted, !inNote, TaskText.isTaskLike(body) else {
            openTask = nil
            return
        }
        if lastNumber == nil, number != 1, clause == nil {
            // A sequence starts at 1; a lone "2." under a table or in a note ("注：1.… 2.…") is not a task.
            openTask = nil
            return
        }
        if let last = lastNumber, number <= last, number != 1 {
            result.warn(block.line, "第\(block.line)行的编号“\(number)”不接续上一项“\(last)”，未作为新任务读取：\(TaskText.excerpt(body))")
            openTask = nil
            return
        }
        if let last = lastNumber, number > last + 1 {
            result.warn(block.line, "任务编号从\(last)跳到\(number)，中间可能漏项")
        }
        lastNumber = number
        addTask(number: String(number), text: body, clause: clause, line: block.line)
    }

    private mutating func addTask(number: String, text: String, clause: RoleClause?, line: Int) {
        var roles = clause?.roles ?? TaskRoles()
        roles.inherit(stack.inheritedRoles)
        let key = (stack.keyPath + [number]).joined(separator: ".")
        let task = PlanTask(
            key: key, number: number, kind: stack.impliedKind, sections: stack.printed,
            text: LineCleaner.collapseSpaces(text), roles: roles, line: line)
        result.tasks.append(task)
        if clause?.leadInferred == true, let lead = roles.leadUnits.first {
            result.warn(line, BareUnitList.inferredLeadWarning(number: number, lead: lead.name))
        }
        if clause?.cutShort == true {
            result.warn(line, "任务 \(number) 的分工在原文中途中断，只读到了中断前的单位，请核对")
        }
        for section in stack.sections where section.declared != nil {
            if let index = result.declaredCounts.lastIndex(where: { $0.text == section.declared?.text }) {
                result.declaredCounts[index].found += 1
            }
        }
        openTask = result.tasks.count - 1
        openTaskHasRoles = clause?.roles.hasUnits == true || clause?.roles.leaders.isEmpty == false
        if let clause, let count = clause.appliesToPrevious, count > 1 {
            for index in max(0, result.tasks.count - count)..<(result.tasks.count - 1) {
                result.tasks[index].roles.inherit(clause.roles)
            }
        }
    }

    /// The last paragraph of a free block: what follows its last full stop or colon that a blank follows — a
    /// collapsed page's lost paragraph break ("…其中明确指出: 贯彻实施…。"), never found in Chinese prose.
    static func lastParagraph(of text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var start = trimmed.startIndex
        var index = trimmed.startIndex
        while index < trimmed.endIndex {
            let next = trimmed.index(after: index)
            if "。：:".contains(trimmed[index]), next < trimmed.endIndex, CharacterClass.isSpace(trimmed[next]) {
                start = next
            }
            index = next
        }
        return trimmed[start...].trimmingCharacters(in: .whitespaces)
    }

    /// A paragraph that announces what follows ("…现将有关事项通知如下:") is never a task itself.
    private func endsIntroducing(_ text: String) -> Bool {
        guard let last = text.last(where: { !CharacterClass.isSpace($0) }) else { return true }
        return "：:".contains(last)
    }

    /// Makes the free paragraph before role lines a task, numbered by its place among unnumbered ones, with
    /// a warning: the number is Duban's, not the document's.
    private mutating func addUnnumberedTask(_ free: (text: String, line: Int)) {
        unnumbered += 1
        let number = String(unnumbered)
        guard !result.tasks.contains(where: { $0.key == (stack.keyPath + [number]).joined(separator: ".") }) else {
            return
        }
        addTask(number: number, text: free.text, clause: nil, line: free.line)
        result.warn(free.line, "第\(free.line)行的任务原文没有编号，已按顺序编为第\(number)项：\(TaskText.excerpt(free.text))")
    }

    private mutating func readRoleLine(_ block: Block) {
        guard let (role, value) = RoleKeyword.leadingLabel(in: Substring(block.text)) else { return }
        var roles = TaskRoles()
        RoleAssignment.assign(value, to: role, in: &roles)
        if let index = openTask {
            result.tasks[index].roles.absorb(roles)
            openTaskHasRoles = true
        } else if !stack.sections.isEmpty, bodyStarted {
            stack.addRolesToInnermost(roles)
        }
    }

    private mutating func readFree(_ block: Block) {
        let item = openItem
        openItem = nil
        let (rawBody, clause) = TrailingClause.split(block.text)
        if bodyStarted, let clause, clause.roles.hasUnits {
            let body = LineCleaner.collapseSpaces(rawBody)
            // A task's words may run on into the next paragraph, which then ends with the task's roles.
            if let index = openTask, !openTaskHasRoles {
                result.tasks[index].text = LineCleaner.collapseSpaces(result.tasks[index].text + body)
                result.tasks[index].roles.absorb(clause.roles)
                openTask = nil
                return
            }
            if let item {
                addTask(number: item.number, text: item.text + body, clause: clause, line: item.line)
                openTask = nil
                return
            }
        }
        openTask = nil
        let paragraph = Self.lastParagraph(of: block.text)
        if bodyStarted, clause == nil, !inNote, TaskText.isTaskLike(paragraph), !endsIntroducing(paragraph) {
            lastFree = (LineCleaner.collapseSpaces(paragraph), block.line)
        }
        guard bodyStarted, clause?.roles.hasUnits == true, TaskText.isTaskLike(block.text) else { return }
        result.warn(block.line, "第\(block.line)行像是任务但未能识别编号：\(TaskText.excerpt(block.text))")
    }
}
