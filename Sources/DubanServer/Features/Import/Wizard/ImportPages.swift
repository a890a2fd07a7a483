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
    var templateHref: String
    var draftsHref: String
    /// The published plans a file can revise, with the one asked for selected.
    var plans: [PlanOption]

    /// A plan in the "修订已发布的方案" select.
    struct PlanOption: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }
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
        /// The row's anchor, for coming back to it after a correction.
        var anchor: String
        var editHref: String
        /// True when the admin corrected the parsed reading.
        var edited: Bool
        var excluded: Bool
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
        /// True when the admin may pick any directory unit instead (names not resolved, units only).
        var canPick: Bool = false
        /// The directory unit picked earlier, when it is none of the options: its id, then its name.
        var pickedID: String = ""
        var pickedName: String = ""
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
    /// Every unit name of the government, for the picker's list.
    var directoryUnits: [String]
    var leaders: [UnitChoice]
    var undecided: [String]
    var mappingAction: String
    var publishAction: String
    /// For a revision: the plan it revises and the changes with their checkboxes.
    var revision: Revision?
    /// The tasks that would be published, corrections and exclusions applied.
    var taskCount: Int
    /// What the reader looked for, when it found no task.
    var survey: Survey?
    /// The document's lines, each with the link that marks it as a task.
    var lines: [MarkLine]
    /// True when the lines were cut to `MarkLine.shownAtMost`.
    var linesCut: Bool
    var addTaskHref: String
    var templateHref: String
    var blankTemplateHref: String
    var draftsHref: String
    var discardAction: String
    var details: Details

    /// The reader's findings on a file that gave no task.
    struct Survey: Encodable {
        var findings: [String]
        var advice: String
    }

    /// One source line on the draft page.
    struct MarkLine: Encodable {
        /// Long documents show their first lines only; the rest are reached through the template.
        static let shownAtMost = 1_500

        var number: Int
        var text: String
        var markHref: String
    }

    /// The title, year, 文号 and kind-of-plan form.
    struct Details: Encodable {
        struct Option: Encodable {
            var value: String
            var label: String
            var selected: Bool
        }

        var action: String
        var title: String
        var year: String
        var docNumber: String
        var kinds: [Option]

        /// "As read", then one kind of plan per task kind, the saved one selected.
        static func kindOptions(selected: String?) -> [Option] {
            let labels: [TaskKind: String] = [
                .target: "主要预期目标", .task: "重点工作方案", .livelihood: "民生实事清单", .continued: "续建项目清单",
                .cascaded: "上级下达任务分解",
            ]
            return [Option(value: "", label: "按原文识别各项类别", selected: selected == nil)]
                + TaskKind.allCases.map { kind in
                    Option(
                        value: kind.rawValue, label: "\(labels[kind] ?? kind.label)（每项均为“\(kind.label)”）",
                        selected: selected == kind.rawValue)
                }
        }
    }

    /// What a revision of a published plan will change.
    struct Revision: Encodable {
        var planTitle: String
        var planHref: String
        var changes: [Change]
        var added: Int
        var changed: Int
        var removed: Int
    }

    /// One change with its checkbox.
    struct Change: Encodable {
        var field: String
        /// "added", "removed" or "changed", for the CSS class.
        var kind: String
        var kindLabel: String
        var number: String
        var text: String
        var checked: Bool
        var details: [Detail]
    }

    /// One changed field: before and after.
    struct Detail: Encodable {
        var label: String
        var before: String
        var after: String
    }
}

extension ImportDraftPage {
    /// The form field holding the choice for the `index`-th unit name.
    static func field(_ index: Int) -> String { "unit-\(index)" }

    /// The choice that takes a unit picked from the whole directory.
    static let pickOption = "pick"

    /// A parsed document as the preview shows it, with the admin's corrections applied and marked.
    static func document(
        _ document: PlanDocument, index: Int, edits: [String: TaskCorrection], editHref: (String) -> String
    ) -> Document {
        var shown: [TaskRow] = []
        var counted: [PlanTask] = []
        for (position, parsed) in document.tasks.enumerated() {
            let reference = TaskCorrection.reference(document: index, key: parsed.key)
            let edit = edits[reference]
            let task = edit.map { $0.applied(to: parsed) } ?? parsed
            if edit?.excluded != true { counted.append(task) }
            var row = self.task(task)
            row.anchor = "t-\(index)-\(position)"
            row.editHref = editHref(reference)
            row.edited = edit != nil
            row.excluded = edit?.excluded == true
            shown.append(row)
        }
        let counts = TaskKind.allCases.compactMap { kind -> Count? in
            let count = counted.filter { $0.kind == kind }.count
            return count == 0 ? nil : Count(label: kind.label, count: count)
        }
        return Document(
            title: document.title, docNumber: document.docNumber ?? "", year: document.year.map(String.init) ?? "",
            counts: counts, warnings: document.warnings.map { Warning(line: $0.line, message: $0.message) },
            tasks: shown)
    }

    private static func task(_ task: PlanTask) -> TaskRow {
        return TaskRow(
            anchor: "", editHref: "", edited: false, excluded: false,
            number: task.number, kind: task.kind.label, section: task.sections.last ?? "", text: task.text,
            roles: AssignmentRole.allCases.filter { !task.roles.units($0).isEmpty }
                .map { Role(label: $0.label, units: task.roles.units($0).map(\.name)) },
            leaders: task.roles.leaders, deadline: task.roles.deadline ?? "")
    }

    /// A leader name's row, in the same shape as a unit's: known leaders say so, suggested ones offer their
    /// suggestions and "新增领导".
    static func leader(_ row: ImportWizard.LeaderRow, index: Int, choice: String?) -> UnitChoice {
        let newOption = Option(
            value: ImportDraft.newUnit, label: "新增领导“\(row.name)”", checked: choice == ImportDraft.newUnit)
        var leader = UnitChoice(
            field: "leader-\(index)", name: row.name, status: "", statusLabel: "", resolvedName: "", options: [])
        switch row.match {
        case .exact:
            (leader.status, leader.statusLabel, leader.resolvedName) = ("exact", "已有", row.name)
        case .suggested(let candidates):
            (leader.status, leader.statusLabel) = ("suggested", "可能是")
            leader.options =
                candidates.map { Option(value: $0.value, label: $0.label, checked: choice == $0.value) }
                + [newOption]
        case .unknown:
            (leader.status, leader.statusLabel) = ("unknown", "新领导")
            leader.options = [Option(value: newOption.value, label: newOption.label, checked: true)]
        }
        return leader
    }

    /// The revision section: every change with a checkbox, checked unless the admin refused it.
    static func revision(_ changes: [TaskChange], plan: Plan, choices: [String: String]) throws -> Revision {
        let rows = changes.enumerated().map { index, change -> Change in
            let task = change.new ?? change.old
            let kindLabel: String
            switch change.kind {
            case .added: kindLabel = "新增"
            case .removed: kindLabel = "撤销"
            case .changed: kindLabel = "修改"
            }
            var details: [Detail] = []
            if let old = change.old, let new = change.new {
                details = change.fields.map {
                    Detail(label: $0.label, before: describe($0, old), after: describe($0, new))
                }
            }
            return Change(
                field: "change-\(index)", kind: change.kind.rawValue, kindLabel: kindLabel,
                number: task?.number ?? "", text: task?.text ?? "", checked: choices[change.id] != ImportDraft.rejected,
                details: details)
        }
        return Revision(
            planTitle: plan.title, planHref: SiteURL.plan(try plan.requireID()).path, changes: rows,
            added: changes.filter { $0.kind == .added }.count, changed: changes.filter { $0.kind == .changed }.count,
            removed: changes.filter { $0.kind == .removed }.count)
    }

    private static func describe(_ field: TaskChange.Field, _ task: TaskSnapshot) -> String {
        switch field {
        case .number: task.number
        case .section: task.sections.joined(separator: " › ")
        case .text: task.text
        case .leaders: task.leaders.joined(separator: "、")
        case .units:
            AssignmentRole.allCases.filter { !task.units($0).isEmpty }
                .map { "\($0.label)：\(task.units($0).joined(separator: "、"))" }.joined(separator: "；")
        case .deadline: task.deadline ?? ""
        }
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
            unit.options = [
                Option(
                    value: newOption.value, label: newOption.label,
                    checked: choice == nil || choice == ImportDraft.newUnit)
            ]
        }
        if row.match.resolvedID == nil {
            unit.canPick = true
            // A unit picked earlier from the whole directory shows as chosen.
            if let choice, choice != ImportDraft.newUnit, !unit.options.contains(where: { $0.value == choice }) {
                unit.pickedID = choice
            }
        }
        return unit
    }
}

/// The correction form of one parsed task, with the lines of the source it was read from.
struct ImportTaskPage: Encodable {
    /// A section in the select.
    struct SectionOption: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// A role's units as one editable list.
    struct RoleField: Encodable {
        var name: String
        var label: String
        var value: String
    }

    /// A line of the source document.
    struct SourceLine: Encodable {
        var number: Int
        var text: String
        /// The line the task starts on.
        var isTask: Bool
    }

    var page: PageChrome
    /// "修改任务 N" for a read task, "添加任务" for a new one.
    var heading: String
    /// True for a task added by hand: the form offers a kind and no exclusion.
    var isNew: Bool
    var action: String
    var resetAction: String
    var backHref: String
    var reference: String
    /// The source line a new task was marked on; 0 when typed in.
    var line: Int
    var error: String
    var kind: String
    /// The kinds a new task may have.
    var kinds: [SectionOption]
    var number: String
    var text: String
    var sections: [SectionOption]
    var leaders: String
    var roles: [RoleField]
    var deadline: String
    var excluded: Bool
    var edited: Bool
    var sourceLines: [SourceLine]

    /// The section select: "none", then every heading path by its index, the task's own selected.
    static func sectionOptions(_ paths: [[String]], selected: [String]) -> [SectionOption] {
        [SectionOption(value: "", label: "（不属于任何部分）", selected: selected.isEmpty)]
            + paths.enumerated().map { index, path in
                SectionOption(value: String(index), label: path.joined(separator: " › "), selected: path == selected)
            }
    }

    /// One field per role, each holding the correction's units of that role.
    static func roleFields(_ correction: TaskCorrection) -> [RoleField] {
        AssignmentRole.allCases.map { role in
            RoleField(
                name: role.rawValue, label: role.label,
                value: (correction.units[role.rawValue] ?? []).joined(separator: "、"))
        }
    }
}
