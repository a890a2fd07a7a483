import Fluent
import Foundation

/// What the 督查室 reviews: a work plan or a consolidated report, in its current version.
protocol Reviewable: Model {
    var state: String { get set }
    var reviewComment: String { get set }
    var reviewedAt: Date? { get set }
    var reviewerID: UUID? { get set }
    var reviewState: ReviewState { get }
}

extension WorkPlan: Reviewable {
    var reviewerID: UUID? {
        get { $reviewer.id }
        set { $reviewer.id = newValue }
    }
}

extension ProgressReport: Reviewable {
    var reviewerID: UUID? {
        get { $reviewer.id }
        set { $reviewer.id = newValue }
    }
}

/// The one way a review is recorded, for work plans and reports alike: only the current version waiting for
/// review can be decided; a return needs a comment; the unit is told either way.
enum Review {
    /// The comment, trimmed; refuses a return without one.
    static func comment(_ text: String, accept: Bool) throws -> String {
        let comment = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard accept || !comment.isEmpty else { throw ReportFilingError.commentRequired }
        return comment
    }

    /// Records the decision on the record (which must be current and waiting) and saves it.
    static func decide<Record: Reviewable>(
        _ record: Record, accept: Bool, comment: String, by filer: ReportFiling.Filer, on database: any Database
    ) async throws {
        guard record.reviewState != .superseded else { throw ReportFilingError.notCurrentVersion }
        guard record.reviewState == .submitted else { throw ReportFilingError.notAwaitingReview }
        record.state = (accept ? ReviewState.accepted : .returned).rawValue
        record.reviewComment = comment
        record.reviewedAt = filer.now
        record.reviewerID = filer.userID
        try await record.save(on: database)
    }

    /// Tells the unit: "… 已审核通过" or "… 被退回修改" with the 督查室's words.
    static func notify(
        unitID: UUID, taskID: UUID, about what: String, accept: Bool, comment: String, governmentID: UUID,
        by filer: ReportFiling.Filer, on database: any Database
    ) async throws {
        try await Notifier.post(
            accept ? .accepted : .returned, governmentID: governmentID, unitID: unitID,
            title: "\(what)\(accept ? "已审核通过" : "被退回修改")",
            body: comment.isEmpty ? "督查室已审核通过。" : "督查室意见：\(comment)",
            link: SiteURL.taskReporting(taskID).path, sender: filer.actor.name, at: filer.now, on: database)
    }
}
