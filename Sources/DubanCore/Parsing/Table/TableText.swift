/// Tests on the running-text lines around tables.
enum TableText {
    /// A table's title line: "2023年省《政府工作报告》涉及我区办理事项责任细化分解表".
    static func isTableTitle(_ text: String) -> Bool {
        let endings = ["表", "清单", "方案", "分解", "分工", "任务"]
        guard endings.contains(where: { text.bytesHasSuffix($0) }) else { return false }
        return text.scalarCountIsAtMost(80) && !text.bytesContain("。") && LineStart.classify(text) == nil
    }

    /// A group heading "责任单位：区发改局" that files the rows below under one unit (or a few: "海棠、方杨工作专班");
    /// nil for anything else.
    static func group(_ text: String) -> TableGroup? {
        guard let (role, value) = RoleKeyword.leadingLabel(in: Substring(text)), role == .responsible || role == .lead,
            value.count <= 30
        else { return nil }
        let units = UnitNames.parseList(String(value))
        guard !units.isEmpty else { return nil }
        return TableGroup(label: LineCleaner.collapseSpaces(value), units: units)
    }
}

/// The unit (or units) a decomposition table files its rows under.
struct TableGroup: Sendable, Equatable {
    /// As printed, used in task keys.
    let label: String
    /// The units it names.
    let units: [UnitName]
}

/// Turns a table row into a task.
enum TableTask {
    /// Builds the task; the group unit a row is filed under is responsible for it even when the row's own
    /// unit columns leave it out.
    static func make(from row: TableRow, sections: [String], keyPath: [String], title: String?, group: TableGroup?)
        -> PlanTask
    {
        var roles = TaskRoles()
        for (offset, column) in row.header.columns.enumerated() {
            guard case .role(let role) = column, let cell = row.cells[safe: offset], !cell.isEmpty else { continue }
            switch role {
            case .leaders: roles.leaders += RoleAssignment.leaderNames(cell).filter { !roles.leaders.contains($0) }
            case .overallLead: roles.overallLeadUnits += UnitNames.parseCell(cell)
            case .lead: roles.leadUnits += UnitNames.parseCell(cell)
            case .responsible: roles.responsibleUnits += UnitNames.parseCell(cell)
            case .assisting: roles.assistingUnits += UnitNames.parseCell(cell)
            case .deadline: roles.deadline = LineCleaner.collapseSpaces(cell)
            }
        }
        let named = Set(roles.allUnits.map(\.name))
        roles.responsibleUnits += (group?.units ?? []).filter { !named.contains($0.name) }
        var text = LineCleaner.collapseSpaces(row.cell(.text))
        var parent: ParentTask?
        if row.header.isCascade {
            parent = parentTask(LineCleaner.collapseSpaces(row.cell(.parentText)))
            if text.isEmpty { text = parent?.text ?? "" }
        }
        let stated = SectionStack.kind(named: row.cell(.kind)) ?? (row.cell(.kind).bytesContain("重点工作") ? .task : nil)
        let kind: TaskKind =
            row.header.isCascade ? .cascaded : (stated ?? title.flatMap(SectionStack.kind(named:)) ?? .task)
        let key = (keyPath + [row.number]).joined(separator: ".")
        return PlanTask(
            key: key, number: row.number, kind: kind, sections: sections, text: text, roles: roles,
            parent: parent, line: row.line)
    }

    /// "64.深化“三医”联动改革…" → number "64" and the words; a quotation of several numbered items keeps
    /// its words whole and lists the numbers ("1、2、3").
    static func parentTask(_ text: String) -> ParentTask? {
        guard !text.isEmpty else { return nil }
        guard let (number, body) = LineStart.leadingNumber(text) else { return ParentTask(number: "", text: text) }
        let numbers = itemNumbers(in: text)
        if numbers.count > 1 {
            return ParentTask(number: numbers.map(String.init).joined(separator: "、"), text: text)
        }
        return ParentTask(number: String(number), text: String(body))
    }

    /// Item numbers that start "N." items inside a quotation: at the start, or after a sentence end or space.
    private static func itemNumbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            if previous == nil || "。；; ".contains(previous ?? " "),
                let (value, _) = LineStart.leadingNumber(String(text[index...].prefix(5))),
                value == (numbers.last ?? 0) + 1
            {
                numbers.append(value)
            }
            previous = text[index]
            index = text.index(after: index)
        }
        return numbers
    }
}
