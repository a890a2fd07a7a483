import DubanCore
import Fluent
import Foundation

/// What the 督查室 reviews: a work plan or a consolidated report, in its current version. Each says how it is
/// found with its task and unit, how it is named in the audit log and the unit's notification, and which
/// audit action records its review; `Review.perform` does the rest the same way for both.
protocol Reviewable: Model, Sendable where IDValue == UUID {
    var state: ReviewState { get set }
    var reviewComment: String { get set }
    var reviewedAt: Date? { get set }
    var reviewerID: UUID? { get set }
    var version: Int { get }
    /// The record's task and unit, loaded by `find(_:on:)`.
    var reviewedTask: TaskRecord { get }
    var reviewedUnit: Unit { get }
    /// "第 28 项任务的办理方案", "第 28 项任务第一季度完成情况".
    var reviewSubject: String { get }
    static var reviewAction: AuditAction { get }
    /// The record with its task and unit, or nil.
    static func findForReview(_ id: UUID, on database: any Database) async throws -> Self?
    /// Refuses a record of a kind that is not reviewed (a co-unit's contribution).
    func checkReviewable() throws
}

extension WorkPlan: Reviewable {
    var reviewerID: UUID? {
        get { $reviewer.id }
        set { $reviewer.id = newValue }
    }
    var reviewedTask: TaskRecord { task }
    var reviewedUnit: Unit { unit }
    var reviewSubject: String { "第 \(task.number) 项任务的办理方案" }
    static var reviewAction: AuditAction { .workPlanReviewed }

    static func findForReview(_ id: UUID, on database: any Database) async throws -> WorkPlan? {
        try await WorkPlan.query(on: database).filter(\.$id == id).with(\.$task).with(\.$unit).first()
    }

    func checkReviewable() throws {}
}

extension ProgressReport: Reviewable {
    var reviewerID: UUID? {
        get { $reviewer.id }
        set { $reviewer.id = newValue }
    }
    var reviewedTask: TaskRecord { task }
    var reviewedUnit: Unit { unit }
    var reviewSubject: String {
        "第 \(task.number) 项任务\(ReportingPeriod(key: period)?.label ?? period)完成情况"
    }
    static var reviewAction: AuditAction { .reportReviewed }

    static func findForReview(_ id: UUID, on database: any Database) async throws -> ProgressReport? {
        try await ProgressReport.query(on: database).filter(\.$id == id).with(\.$task).with(\.$unit).first()
    }

    /// Contributions are read by the reporting unit, never reviewed by the 督查室.
    func checkReviewable() throws {
        guard kind == .report else { throw ReportFilingError.notAwaitingReview }
    }
}

/// The one way a review is recorded, for work plans and reports alike: only the current version waiting for
/// review can be decided; a return needs a comment; the decision, its audit entry and the unit's notification
/// are written in one transaction.
enum Review {
    /// Accepts or returns the record `id` of type `Record` of the government; returns it as decided.
    static func perform<Record: Reviewable>(
        _ type: Record.Type, id: UUID, accept: Bool, comment text: String, by filer: ReportFiling.Filer,
        governmentID: UUID, on database: any Database
    ) async throws -> Record {
        let comment = try Self.comment(text, accept: accept)
        return try await database.writeTransaction { database in
            guard var record = try await Record.findForReview(id, on: database),
                record.reviewedUnit.$government.id == governmentID
            else { throw ReportFilingError.notFound }
            // The record as it stands once no filing of its duty is under way: a filing may have superseded it.
            if try await DutyLock.take(
                taskID: record.reviewedTask.requireID(), unitID: record.reviewedUnit.requireID(), on: database)
            {
                guard let fresh = try await Record.findForReview(id, on: database) else {
                    throw ReportFilingError.notFound
                }
                record = fresh
            }
            try record.checkReviewable()
            try await decide(record, accept: accept, comment: comment, by: filer, on: database)
            let task = record.reviewedTask
            try await DutyStates.refresh(
                taskID: try task.requireID(), planID: task.$plan.id, today: filer.today, on: database)
            try await AuditLog.record(
                Record.reviewAction, by: filer.actor, governmentID: governmentID, entityType: "task",
                entityID: record.reviewedTask.id,
                summary:
                    "\(accept ? "通过" : "退回")\(record.reviewedUnit.name)\(record.reviewSubject)（第 \(record.version) 版）",
                after: ["state": record.state.rawValue, "comment": comment], requestID: filer.requestID,
                at: filer.now, on: database)
            try await Notifier.post(
                accept ? .accepted : .returned, governmentID: governmentID, unitID: record.reviewedUnit.requireID(),
                title: "\(record.reviewSubject)\(accept ? "已审核通过" : "被退回修改")",
                body: comment.isEmpty ? "督查室已审核通过。" : "督查室意见：\(comment)",
                link: SiteURL.taskReporting(try record.reviewedTask.requireID()).path, sender: filer.actor.name,
                at: filer.now, on: database)
            return record
        }
    }

    /// The comment, trimmed; refuses a return without one.
    static func comment(_ text: String, accept: Bool) throws -> String {
        let comment = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard accept || !comment.isEmpty else { throw ReportFilingError.commentRequired }
        return comment
    }

    /// Records the decision on the record (which must be current and waiting) and saves it.
    private static func decide<Record: Reviewable>(
        _ record: Record, accept: Bool, comment: String, by filer: ReportFiling.Filer, on database: any Database
    ) async throws {
        guard record.state != .superseded else { throw ReportFilingError.notCurrentVersion }
        guard record.state == .submitted else { throw ReportFilingError.notAwaitingReview }
        record.state = accept ? .accepted : .returned
        record.reviewComment = comment
        record.reviewedAt = filer.now
        record.reviewerID = filer.userID
        try await record.save(on: database)
    }
}
