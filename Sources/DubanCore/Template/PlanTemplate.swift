/// Duban's Excel template for a decomposition plan: the fallback when a plan's own layout cannot be read,
/// and the way to fix a reading in a spreadsheet. Its columns are the ones 督查室 tables already use, so
/// the reader takes a filled template back like any other 分解表 — no special path: what the template
/// writes, `PlanParser` reads.
public enum PlanTemplate {
    /// The columns every template has, in order.
    public static let columns = ["序号", "任务", "责任领导", "牵头单位", "责任单位", "协办单位", "完成时限", "备注"]

    /// One sheet of the workbook.
    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var rows: [[String]]
    }

    /// A blank template: the title row and the header to fill, and a sheet saying how to fill them. The
    /// guidance holds no numbered line and no role label, so it never reads as a task.
    public static func blank(year: Int) -> [Sheet] {
        [Sheet(name: "任务", rows: [["\(year)年重点工作任务分解表"], columns]), guidance]
    }

    /// A filled template for `document`, with the same guidance sheet.
    public static func filled(_ document: PlanDocument) -> [Sheet] {
        [Sheet(name: "任务", rows: rows(for: document)), guidance]
    }

    /// How to fill the template, in the words of the 督查室 clerk who will.
    static let guidance = Sheet(
        name: "填写说明",
        rows: [
            ["填写说明"],
            ["每行填写一项任务，序号写阿拉伯数字，如 1、2、3。"],
            ["分组标题（如“一、稳增长”“（一）扩大有效投资”）单独占一行，只填在第一列，其下的任务都属于这一组。"],
            ["同一栏有多个单位或领导时，用顿号“、”分隔；一个单位的其他名称写在它后面的括号里。"],
            ["第一行的标题会作为方案名称；表头一行不要修改或删除。"],
            ["填好后保存为 .xlsx，在 Duban 的“导入方案”中上传。"],
        ])

    /// The rows of a filled template for `document`: its title, the header, and each task under its section
    /// headings, written as heading rows whenever the headings change. Columns for 总牵头单位 and 上级任务
    /// appear only when some task has them, and 类别 when some task's kind would not follow from its headings.
    public static func rows(for document: PlanDocument) -> [[String]] {
        let tasks = document.tasks
        let hasOverall = tasks.contains { !$0.roles.overallLeadUnits.isEmpty }
        let hasParent = tasks.contains { $0.parent != nil }
        let hasKinds = tasks.contains { $0.kind != .cascaded && $0.kind != readKind(of: $0, title: document.title) }
        var header = ["序号"]
        if hasParent { header.append("上级下达任务") }
        header += ["任务", "责任领导"]
        if hasOverall { header.append("总牵头单位") }
        header += ["牵头单位", "责任单位", "协办单位", "完成时限", "备注"]
        if hasKinds { header.append("类别") }
        var rows: [[String]] = [[document.title], header]
        var sections: [String] = []
        var annex: Substring?
        for task in tasks {
            // Annexed tables ("附件1" …) keep their marker, which is what makes a covering notice the title.
            let taskAnnex = task.key.hasPrefix("附件") ? task.key.split(separator: ".").first : nil
            if let taskAnnex, taskAnnex != annex {
                // Each annex opens as the plan prints it: marker, title, then its own header.
                if rows.count == 2 { rows.removeLast() }
                rows.append([String(taskAnnex)])
                rows += task.sections.map { [$0] }
                rows.append(header)
                sections = task.sections
            }
            annex = taskAnnex
            let shared = zip(sections, task.sections).prefix { $0 == $1 }.count
            for heading in task.sections.dropFirst(shared) { rows.append([heading]) }
            sections = task.sections
            var row = [task.number]
            if hasParent { row.append(task.parent.map(parentText) ?? "") }
            row += [task.text, task.roles.leaders.joined(separator: "、")]
            if hasOverall { row.append(cell(task.roles.overallLeadUnits)) }
            row += [
                cell(task.roles.leadUnits), cell(task.roles.responsibleUnits), cell(task.roles.assistingUnits),
                task.roles.deadline ?? "", "",
            ]
            if hasKinds { row.append(task.kind == .cascaded ? "" : task.kind.templateLabel) }
            rows.append(row)
        }
        return rows
    }

    /// The kind the reader gives a row without a 类别 cell: its innermost heading's, else the title's, else 重点工作.
    private static func readKind(of task: PlanTask, title: String) -> TaskKind {
        task.sections.reversed().lazy.compactMap(SectionStack.kind(named:)).first
            ?? SectionStack.kind(named: title) ?? .task
    }

    /// Units as a plan lists them: "区发改局（区粮食局）、区财政局".
    /// Written with "、" as clerks write them, unless the reader would then complete one name from its
    /// neighbour ("区交通运输局、港口物流办" reads as 区港口物流办): then "，", which keeps names apart.
    private static func cell(_ units: [UnitName]) -> String {
        let items = units.map { unit in
            unit.aliases.isEmpty ? unit.name : "\(unit.name)（\(unit.aliases.joined(separator: "、"))）"
        }
        let listed = items.joined(separator: "、")
        if UnitNames.parseCell(listed) == units { return listed }
        return items.joined(separator: "，")
    }

    private static func parentText(_ parent: ParentTask) -> String {
        // A quotation of several items ("1.… 2.…") carries its numbers in its own text.
        parent.number.isEmpty || parent.number.contains("、") ? parent.text : "\(parent.number).\(parent.text)"
    }
}

extension TaskKind {
    /// How the template's 类别 column writes the kind; the reader takes each back to the same kind.
    var templateLabel: String {
        switch self {
        case .target: "主要目标"
        case .task, .cascaded: "重点工作"
        case .livelihood: "民生实事"
        case .continued: "续建项目"
        }
    }
}
