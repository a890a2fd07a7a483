import DubanCore
import Fluent
import Vapor

/// A finding's page: the problem, what must be done by when, where it stands, every 整改 response with its
/// evidence, and the form of whoever acts next — the unit's clerk while it owes an answer, the 督查室 once it
/// has answered.
struct FindingPage: Encodable {
    var page: PageChrome
    var notice: String
    var error: String
    var roundTitle: String
    var roundHref: String
    var roundKind: String
    var taskNumber: String
    var taskText: String
    var taskHref: String
    var unitName: String
    var unitHref: String
    var problem: String
    var requirement: String
    var due: String
    var phrase: String
    var state: String
    var stateLabel: String
    var isOverdue: Bool
    var raisedAt: String
    /// The 督查室's last word on reopening or closing; "" when none.
    var reviewComment: String
    var responses: [ResponseLine]
    /// Nil unless the signed-in clerk's unit owes a response.
    var response: ResponseForm?
    /// Nil unless the 督查室 is to close or reopen.
    var review: ReviewForm?
    var csrf: String

    /// One 整改 response.
    struct ResponseLine: Encodable {
        var text: String
        var submittedAt: String
        var late: String
        var files: [FileLine]
    }

    /// An evidence file.
    struct FileLine: Encodable {
        var name: String
        var href: String
        var size: String
    }

    /// The unit's response form.
    struct ResponseForm: Encodable {
        var action: String
        var text = ""
        var maxFiles = EvidenceFile.maxFiles
    }

    /// The 督查室's 销号 form.
    struct ReviewForm: Encodable {
        var action: String
        var comment = ""
        var dueOn: String
    }

    /// The page of a finding loaded by `RoundQuery.finding`, for the signed-in user.
    static func make(_ finding: RoundFinding, req: Request, notice: String, error: String) async throws -> FindingPage {
        let user = try req.currentUser()
        let today = req.clock.today()
        let findingID = try finding.requireID()
        let responses = finding.responses.sorted { $0.submittedAt < $1.submittedAt }.map { response in
            ResponseLine(
                text: response.text, submittedAt: DisplayTime.minute(response.submittedAt),
                late: response.daysLate > 0 ? "逾期 \(response.daysLate) 天" : "",
                files: response.attachments.map { file in
                    FileLine(
                        name: file.fileName, href: SiteURL.findingAttachment(file.id ?? UUID()).path,
                        size: DisplayTime.bytes(file.byteCount))
                })
        }
        let owesAnswer = user.role == .clerk && user.unitID == finding.$unit.id && finding.state.awaitsUnit
        let mayReview = req.allows(.superviseReporting) && finding.state == .responded
        let deadline = finding.deadline
        return FindingPage(
            page: try PageChrome(
                for: req, title: "督查发现的问题", section: user.role == .clerk ? .desk : .rounds,
                breadcrumbs: user.role == .clerk
                    ? []
                    : [
                        .init(label: "督查", href: SiteURL.rounds.path),
                        .init(label: finding.round.title, href: SiteURL.round(finding.$round.id).path),
                        .init(label: "问题", href: ""),
                    ]),
            notice: notice, error: error, roundTitle: finding.round.title,
            roundHref: req.allows(.readRounds) ? SiteURL.round(finding.$round.id).path : "",
            roundKind: finding.round.kind.label, taskNumber: finding.task.number, taskText: finding.task.text,
            taskHref: SiteURL.taskReporting(finding.$task.id).path, unitName: finding.unit.name,
            unitHref: SiteURL.unit(finding.$unit.id).path, problem: finding.problem,
            requirement: finding.requirement, due: CalendarDay(finding.dueOn)?.chinese ?? finding.dueOn,
            phrase: deadline?.phrase(on: today) ?? "", state: finding.state.rawValue,
            stateLabel: finding.state.label, isOverdue: (deadline?.daysOverdue(on: today) ?? 0) > 0,
            raisedAt: DisplayTime.minute(finding.createdAt), reviewComment: finding.reviewComment,
            responses: responses,
            response: owesAnswer ? ResponseForm(action: SiteURL.findingResponses(findingID).path) : nil,
            review: mayReview
                ? ReviewForm(action: SiteURL.findingReview(findingID).path, dueOn: today.adding(days: 10).description)
                : nil,
            csrf: req.csrfToken)
    }
}
