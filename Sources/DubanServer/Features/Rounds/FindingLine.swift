import DubanCore
import Foundation

/// A 督查 finding as lists show it — a round's findings, a unit's desk: the task, the unit, the problem, by when
/// and where it stands, with links. The round and the unit are named when they were loaded with the finding.
struct FindingLine: Encodable {
    var href: String
    var roundTitle: String
    var taskNumber: String
    var taskText: String
    var taskHref: String
    var unitName: String
    var unitHref: String
    var problem: String
    /// "2026年5月10日".
    var due: String
    /// "5月10日", for a line that already names the year.
    var dueShort: String
    /// "逾期 3 天", "还剩 5 天", "待督查室核实", "已销号".
    var phrase: String
    var state: String
    var stateLabel: String
    var isOverdue: Bool

    /// The line of a finding loaded with its task (and its round or unit where the list names them), as of
    /// `today`.
    init(_ finding: RoundFinding, today: CalendarDay) throws {
        let day = CalendarDay(finding.dueOn)
        href = SiteURL.finding(try finding.requireID()).path
        roundTitle = finding.$round.value?.title ?? ""
        taskNumber = finding.task.number
        taskText = DisplayText.excerpt(finding.task.text)
        taskHref = SiteURL.task(finding.$task.id).path
        unitName = finding.$unit.value?.name ?? ""
        unitHref = SiteURL.unit(finding.$unit.id).path
        problem = finding.problem
        due = day?.chinese ?? finding.dueOn
        dueShort = day?.chineseMonthDay ?? finding.dueOn
        phrase = finding.deadline?.phrase(on: today) ?? ""
        state = finding.state.rawValue
        stateLabel = finding.state.label
        isOverdue = (finding.deadline?.daysOverdue(on: today) ?? 0) > 0
    }
}
