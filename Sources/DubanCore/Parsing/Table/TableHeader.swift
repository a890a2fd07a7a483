/// What a table column holds, read from its header cell.
enum TableColumn: Sendable, Equatable {
    case number
    case text
    /// The higher level's task in a cascade table ("市级下达的责任事项").
    case parentText
    case role(RoleKeyword)
    /// 类别: the row's kind of task written out (主要目标, 民生实事 …), as Duban's template does.
    case kind
    case other
}

/// A recognised task-table header row: "序号 工作标准 分管区领导 牵头单位 责任单位", or a cascade table's
/// "序号 市级下达的责任事项 新洲区目标任务 完成时间 分管区领导 责任单位".
///
/// Columns are found by their header words, never by position, so the same reader serves any column order.
struct TableHeader: Sendable, Equatable {
    let columns: [TableColumn]

    /// True when the table localises a higher level's tasks.
    var isCascade: Bool { columns.contains(.parentText) }

    private static let textWords = [
        "工作标准", "工作任务", "目标任务", "责任事项", "工作内容", "主要任务", "重点任务", "任务内容", "具体任务",
        "工作目标", "重点工作", "主要内容", "建设内容", "项目名称", "实事项目", "任务", "事项", "目标", "内容",
        "民生实事", "工作措施", "主要措施", "工作要求", "任务和要求", "内容与要求", "内容和要求", "目标要求", "具体要求",
    ]

    /// Recognises a header row; nil for data rows and for tables that hold no tasks (indicator tables).
    static func detect(_ cells: [String]) -> TableHeader? {
        // Most rows start with a number or text; only a header starts with 序 / 编.
        guard let initial = cells.first?.unicodeScalars.first(where: { !CharacterClass.isSpace($0) }),
            initial == "序" || initial == "编"
        else { return nil }
        let names = cells.map { cell in RoleKeyword.simplified(cell.filter { !CharacterClass.isSpace($0) }) }
        guard let first = names.first, first == "序号" || first == "编号" || first == "序" else { return nil }
        let columns = names.enumerated().map { offset, name in offset == 0 ? .number : column(named: name) }
        guard columns.contains(.text) || columns.contains(.parentText),
            columns.contains(where: { if case .role = $0 { true } else { false } })
        else { return nil }
        return TableHeader(columns: columns)
    }

    private static func column(named name: String) -> TableColumn {
        if name.isEmpty { return .other }
        if ["类别", "类型", "任务类别", "任务类型", "事项类别"].contains(name) { return .kind }
        if let role = RoleKeyword.vocabulary.first(where: { name == $0.0 || name.bytesHasPrefix($0.0) })?.1 {
            return .role(role)
        }
        if name.bytesContain("下达") || name.bytesHasPrefix("上级") || name.bytesHasPrefix("省级")
            || name.bytesHasPrefix("市级")
        {
            return .parentText
        }
        if textWords.contains(where: { name.bytesHasSuffix($0) }) { return .text }
        return .other
    }

    /// The index of the first column of a kind.
    func index(of column: TableColumn) -> Int? { columns.firstIndex(of: column) }
}
