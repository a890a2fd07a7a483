import DubanCore
import Foundation

/// The admin's correction of one parsed task in the import wizard. The draft keeps the parser's reading and
/// these corrections side by side, so the preview can show what was changed and undo it.
struct TaskCorrection: Codable, Sendable, Equatable {
    var number: String
    var text: String
    /// The heading path, outermost first.
    var sections: [String]
    var leaders: [String]
    /// Unit names per `AssignmentRole` raw value.
    var units: [String: [String]]
    var deadline: String?
    /// True when the task is not to be imported at all (a line the parser mistook for a task).
    var excluded: Bool
    /// The kind the admin chose; nil keeps the kind as read (and as the draft's kind of plan makes it).
    var kind: TaskKind?

    /// The correction that changes nothing: the task as parsed.
    init(_ task: PlanTask) {
        number = task.number
        text = task.text
        sections = task.sections
        leaders = task.roles.leaders
        units = Dictionary(
            uniqueKeysWithValues: AssignmentRole.allCases.map { ($0.rawValue, task.roles.units($0).map(\.name)) })
        deadline = task.roles.deadline
        excluded = false
    }

    /// How a draft refers to a task: its document's index and its key ("0/二.7").
    static func reference(document: Int, key: String) -> String { "\(document)/\(key)" }

    /// The task with this correction applied. Unit names keep the aliases the document gave where the name
    /// is unchanged, so alias matching still works.
    func applied(to task: PlanTask) -> PlanTask {
        var result = task
        result.number = number
        result.text = text
        result.sections = sections
        if let kind { result.kind = kind }
        var roles = TaskRoles()
        roles.leaders = leaders
        roles.deadline = deadline
        let known = Dictionary(task.roles.allUnits.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func names(_ role: AssignmentRole) -> [UnitName] {
            (units[role.rawValue] ?? []).map { known[$0] ?? UnitName(name: $0) }
        }
        roles.overallLeadUnits = names(.overallLead)
        roles.leadUnits = names(.lead)
        roles.responsibleUnits = names(.responsible)
        roles.assistingUnits = names(.assisting)
        result.roles = roles
        return result
    }
}

/// Reads the task correction form. Lists are typed as plans write them ("区发改局、区财政局"), so unit fields
/// go through the same list grammar as the parser and leaders are split on the usual separators.
struct TaskCorrectionForm: Decodable {
    var number: String?
    var text: String?
    var section: String?
    var leaders: String?
    var deadline: String?
    var excluded: String?
    var overallLead: String?
    var lead: String?
    var responsible: String?
    var assisting: String?
    var kind: String?

    /// The fields are named as `AssignmentRole` stores the roles (the template names them by raw value).
    enum CodingKeys: String, CodingKey {
        case number, text, section, leaders, deadline, excluded, lead, responsible, assisting, kind
        case overallLead = "overall_lead"
    }

    /// The correction, or why the form cannot be saved.
    func correction(sections: [[String]]) throws(TaskCorrectionError) -> TaskCorrection {
        let text = (self.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let number = (self.number ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let excluded = self.excluded == "1"
        if !excluded {
            guard !text.isEmpty else { throw .emptyText }
            guard !number.isEmpty else { throw .emptyNumber }
        }
        let path = Self.sectionPath(section ?? "", among: sections)
        var kind: TaskKind?
        if let chosen = self.kind, !chosen.isEmpty {
            guard let known = TaskKind(rawValue: chosen) else { throw .unknownKind }
            kind = known
        }
        var units: [String: [String]] = [:]
        let fields: [(AssignmentRole, String?)] = [
            (.overallLead, overallLead), (.lead, lead), (.responsible, responsible), (.assisting, assisting),
        ]
        for (role, value) in fields {
            units[role.rawValue] = UnitNames.parseList(value ?? "").map(\.name)
        }
        let deadline = (self.deadline ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var correction = TaskCorrection(
            PlanTask(key: "", number: number, kind: .task, sections: path, text: text, line: 0))
        correction.leaders = Self.splitNames(leaders ?? "")
        correction.units = units
        correction.deadline = deadline.isEmpty ? nil : deadline
        correction.excluded = excluded
        correction.kind = kind
        return correction
    }

    /// The section chosen in the select: its index among the document's sections, or "" for none.
    private static func sectionPath(_ value: String, among sections: [[String]]) -> [String] {
        guard let index = Int(value), sections.indices.contains(index) else { return [] }
        return sections[index]
    }

    /// Names separated by 、，,；; or spaces, without empties or repeats.
    static func splitNames(_ text: String) -> [String] {
        let separators = CharacterSet(charactersIn: "、，,；;").union(.whitespacesAndNewlines)
        var seen = Set<String>()
        return text.components(separatedBy: separators).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// Why a correction was refused.
enum TaskCorrectionError: Error, Equatable {
    case emptyText
    case emptyNumber
    case unknownKind

    /// What the admin reads above the form.
    var message: String {
        switch self {
        case .emptyText: "任务内容不能为空。如果这一行不是任务，请勾选“不导入此项”。"
        case .emptyNumber: "序号不能为空。"
        case .unknownKind: "类别不在可选范围内，请重新选择。"
        }
    }
}
