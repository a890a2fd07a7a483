import DubanCore
import Foundation

/// The wizard's first step: the upload form, shown again with the reason when a file is refused.
struct ImportUploadPage: Encodable {
    var page: PageChrome
    var formAction: String
    /// Why the last upload was refused; empty otherwise.
    var error: String
    /// The year typed last time, kept when the form comes back.
    var year: String
    var maxMegabytes: Int
}

/// The wizard's preview and mapping step: the documents as parsed, every unit name with its match, and the
/// forms that save choices and publish.
struct ImportDraftPage: Encodable {
    /// A label with a number, for counts by kind.
    struct Count: Encodable {
        var label: String
        var count: Int
    }

    /// A parser warning with the line it refers to.
    struct Warning: Encodable {
        var line: Int
        var message: String
    }

    /// The units of a task in one role.
    struct Role: Encodable {
        var label: String
        var units: [String]
    }

    /// One task as parsed.
    struct TaskRow: Encodable {
        var number: String
        var kind: String
        var section: String
        var text: String
        var roles: [Role]
        var leaders: [String]
        var deadline: String
    }

    /// One parsed document.
    struct Document: Encodable {
        var title: String
        var docNumber: String
        var year: String
        var counts: [Count]
        var warnings: [Warning]
        var tasks: [TaskRow]
    }

    /// One choice of a unit name's radio group.
    struct Option: Encodable {
        var value: String
        var label: String
        var checked: Bool
    }

    /// One distinct unit name and how it matches the directory.
    struct UnitChoice: Encodable {
        /// The form field of its choice.
        var field: String
        var name: String
        /// "exact", "alias", "suggested" or "unknown", for the badge's CSS class.
        var status: String
        var statusLabel: String
        /// The directory unit it resolves to, for exact and alias matches.
        var resolvedName: String
        var options: [Option]
    }

    var page: PageChrome
    var fileName: String
    var format: String
    var encoding: String
    var notice: String
    var isPublished: Bool
    var planHref: String
    var documents: [Document]
    var units: [UnitChoice]
    var undecided: [String]
    var mappingAction: String
    var publishAction: String
}

extension ImportDraftPage {
    /// The form field holding the choice for the `index`-th unit name.
    static func field(_ index: Int) -> String { "unit-\(index)" }

    /// A parsed document as the preview shows it.
    static func document(_ document: PlanDocument) -> Document {
        let counts = TaskKind.allCases.compactMap { kind -> Count? in
            let count = document.tasks.filter { $0.kind == kind }.count
            return count == 0 ? nil : Count(label: kind.label, count: count)
        }
        return Document(
            title: document.title, docNumber: document.docNumber ?? "", year: document.year.map(String.init) ?? "",
            counts: counts, warnings: document.warnings.map { Warning(line: $0.line, message: $0.message) },
            tasks: document.tasks.map(task))
    }

    private static func task(_ task: PlanTask) -> TaskRow {
        let roles: [(String, [UnitName])] = [
            ("总牵头单位", task.roles.overallLeadUnits), ("牵头单位", task.roles.leadUnits),
            ("责任单位", task.roles.responsibleUnits), ("协办单位", task.roles.assistingUnits),
        ]
        return TaskRow(
            number: task.number, kind: task.kind.label, section: task.sections.last ?? "", text: task.text,
            roles: roles.filter { !$0.1.isEmpty }.map { Role(label: $0.0, units: $0.1.map(\.name)) },
            leaders: task.roles.leaders, deadline: task.roles.deadline ?? "")
    }

    /// A unit name's row: resolved ones say what they resolve to, the others offer their suggestions and
    /// "新建单位", with the saved choice checked.
    static func unit(_ row: ImportWizard.UnitRow, index: Int, choice: String?) -> UnitChoice {
        let newOption = Option(
            value: ImportDraft.newUnit, label: "新建单位“\(row.name)”", checked: choice == ImportDraft.newUnit)
        var unit = UnitChoice(
            field: field(index), name: row.name, status: "", statusLabel: "", resolvedName: "", options: [])
        switch row.match {
        case .exact:
            (unit.status, unit.statusLabel, unit.resolvedName) = ("exact", "目录中已有", row.name)
        case .alias(_, let name):
            (unit.status, unit.statusLabel, unit.resolvedName) = ("alias", "按简称/别名对应", name)
        case .suggested(let candidates):
            (unit.status, unit.statusLabel) = ("suggested", "可能是")
            unit.options =
                candidates.map { candidate in
                    let value = candidate.unitID.uuidString
                    return Option(value: value, label: candidate.name, checked: choice == value)
                } + [newOption]
        case .unknown:
            (unit.status, unit.statusLabel) = ("unknown", "目录中没有")
            unit.options = [Option(value: newOption.value, label: newOption.label, checked: true)]
        }
        return unit
    }
}
