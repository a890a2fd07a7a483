import DubanCore
import Foundation

/// The 批示 section of a task's reporting page: every instruction, newest first, with what each unit answered
/// and who has yet to; for a leader, the form to write one, on the task or on a current report.
struct InstructionsBlock: Encodable {
    var items: [Line]
    var canInstruct: Bool
    var action: String
    /// What the instruction is written on: the task, or one unit's current report of a period.
    var targets: [TaskReportingPage.Option]
    /// The text typed into a refused form.
    var typed = ""
    var error = ""

    /// One instruction.
    struct Line: Encodable {
        var id: String
        var author: String
        var time: String
        var text: String
        /// "针对区财政局2025年第一季度完成情况"; "" for one on the task.
        var about: String
        var replies: [Reply]
        /// The reporting units that have not answered: "区民政局".
        var waiting: String
    }

    /// A unit's answer.
    struct Reply: Encodable {
        var unitName: String
        var time: String
        var text: String
    }

    /// An answer field of the report form.
    struct AnswerField: Encodable {
        var id: String
        var author: String
        var time: String
        var text: String
        var value: String
    }

    /// The section for the loaded task.
    static func make(_ loaded: TaskReportingQuery.Loaded, canInstruct: Bool, action: String) throws -> Self {
        let reporters = loaded.duty?.reporters ?? []
        let reports = Dictionary(
            uniqueKeysWithValues: try loaded.reports.map { (try $0.requireID(), $0) })
        let items = try loaded.instructions.map { instruction -> Line in
            let answered = Set(instruction.replies.map(\.$unit.id))
            var about = ""
            if let reportID = instruction.$report.id, let report = reports[reportID] {
                about = "针对\(report.unit.name)\(ReportingPeriod(key: report.period)?.label ?? report.period)完成情况"
            }
            return Line(
                id: try instruction.requireID().uuidString.lowercased(), author: instruction.author,
                time: DisplayTime.minute(instruction.createdAt), text: instruction.text, about: about,
                replies: instruction.replies.sorted { $0.createdAt < $1.createdAt }.map {
                    Reply(unitName: $0.unit.name, time: DisplayTime.minute($0.createdAt), text: $0.text)
                },
                waiting: reporters.filter { !answered.contains($0.id) }.map(\.name).joined(separator: "、"))
        }
        let current = loaded.reports.filter { $0.kind == .report && $0.state != .superseded }
            .sorted { ($0.period, $0.unit.name) > ($1.period, $1.unit.name) }
        let targets =
            [TaskReportingPage.Option(value: "", label: "整项任务", selected: true)]
            + (try current.map { report in
                TaskReportingPage.Option(
                    value: try report.requireID().uuidString.lowercased(),
                    label: "\(report.unit.name) \(ReportingPeriod(key: report.period)?.label ?? report.period)完成情况",
                    selected: false)
            })
        return InstructionsBlock(items: items, canInstruct: canInstruct, action: action, targets: targets)
    }

    /// The instructions the unit has not answered, oldest first, with what it typed when the form came back.
    static func openAnswers(_ loaded: TaskReportingQuery.Loaded, unitID: UUID, typed: ReportForm?) throws
        -> [AnswerField]
    {
        try loaded.instructions.filter { instruction in !instruction.replies.contains { $0.$unit.id == unitID } }
            .sorted { $0.createdAt < $1.createdAt }
            .map { instruction in
                let id = try instruction.requireID().uuidString.lowercased()
                return AnswerField(
                    id: id, author: instruction.author, time: DisplayTime.minute(instruction.createdAt),
                    text: instruction.text, value: typed?.answer(to: id) ?? "")
            }
    }
}
