import DubanCore
import Fluent
import Foundation
import Vapor

/// Filing progress reports and contributions, and the 督查室's review of them.
///
/// "最多报一次": a new version starts from the unit's last one (the form is prefilled from it, evidence already
/// sent is kept by reference), a co-unit's contribution is shown to the reporting unit instead of being asked
/// for again, and lateness is fixed by the first submission of a period — a report returned for revision does
/// not become late because the review took time.
enum ReportFiling {
    /// What a unit files for one period.
    struct Submission: Sendable {
        var period: ReportingPeriod
        var status: ReportStatus
        var reason: String
        var narrative: String
        /// Actual figures per quantified target, in the target order of the task.
        var actuals: [Actual]
        var newFiles: [EvidenceFile]
        /// Attachments of the previous version to carry over.
        var keptAttachmentIDs: Set<UUID>
        /// What was done about leaders' 批示 on the task, by instruction.
        var answers: [UUID: String] = [:]
    }

    /// One figure.
    struct Actual: Sendable {
        var label: String
        var unitOfMeasure: String
        var target: Double?
        var actual: Double?
    }

    /// Who is filing, and when.
    struct Filer: Sendable {
        var userID: UUID?
        var actor: AuditActor
        var requestID: String?
        var now: Date
        var today: CalendarDay
    }

    /// Files a new version of `unitID`'s report (or contribution, for a unit that does not report the task)
    /// for the period, superseding the current one. Returns the new version.
    /// `context` is the task's duty and rules when the caller has them already (filing many reports at once).
    static func submit(
        _ submission: Submission, taskID: UUID, unitID: UUID, by filer: Filer,
        context: (TaskDuty, PlanReporting)? = nil, on database: any Database
    ) async throws -> ProgressReport {
        let (duty, reporting): (TaskDuty, PlanReporting)
        if let context {
            (duty, reporting) = context
        } else {
            (duty, reporting) = try await dutyAndRules(taskID: taskID, on: database)
        }
        let isReporter = duty.reporters.contains { $0.id == unitID }
        guard isReporter || duty.contributors.contains(where: { $0.id == unitID }) else {
            throw ReportFilingError.notAUnitOfTask
        }
        guard let deadline = reporting.calendar.deadline(for: submission.period) else {
            throw ReportFilingError.periodNotExpected(submission.period.label)
        }
        let reason = submission.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let narrative = submission.narrative.trimmingCharacters(in: .whitespacesAndNewlines)
        if submission.status.requiresReason, reason.isEmpty {
            throw ReportFilingError.reasonRequired(submission.status.label)
        }
        guard !narrative.isEmpty else { throw ReportFilingError.narrativeRequired }
        let kind: ProgressReport.Kind = isReporter ? .report : .contribution
        return try await database.writeTransaction { database in
            try await DutyLock.take(taskID: taskID, unitID: unitID, on: database)
            let previous = try await ProgressReport.query(on: database).filter(\.$task.$id == taskID)
                .filter(\.$unit.$id == unitID).filter(\.$period == submission.period.key)
                .filter(\.$kind == kind).filter(\.$state != ReviewState.superseded)
                .with(\.$attachments).first()
            if previous?.state == .accepted, kind == .report { throw ReportFilingError.alreadyAccepted }
            let kept =
                try previous?.attachments.filter { submission.keptAttachmentIDs.contains(try $0.requireID()) } ?? []
            guard kept.count + submission.newFiles.count <= EvidenceFile.maxFiles else {
                throw ReportFilingError.tooManyFiles(EvidenceFile.maxFiles)
            }
            if let previous {
                previous.state = ReviewState.superseded
                try await previous.save(on: database)
            }
            let report = ProgressReport(
                taskID: taskID, unitID: unitID, period: submission.period.key, kind: kind,
                version: (previous?.version ?? 0) + 1, status: submission.status, reason: reason,
                narrative: narrative, dueOn: deadline.due.description, submittedOn: filer.today.description,
                daysLate: previous?.daysLate ?? deadline.daysLate(submittedOn: filer.today), submittedAt: filer.now,
                submittedByID: filer.userID)
            try await report.create(on: database)
            let reportID = try report.requireID()
            for (position, actual) in submission.actuals.enumerated() {
                try await ReportActual(
                    reportID: reportID, position: position, label: actual.label, unitOfMeasure: actual.unitOfMeasure,
                    targetValue: actual.target, actualValue: actual.actual
                ).create(on: database)
            }
            for attachment in kept {
                try await ReportAttachment(
                    reportID: reportID, fileName: attachment.fileName, contentType: attachment.contentType,
                    byteCount: attachment.byteCount, blobID: attachment.blobID
                ).create(on: database)
            }
            for file in submission.newFiles {
                try await ReportAttachment(
                    reportID: reportID, fileName: file.fileName, contentType: file.contentType,
                    byteCount: file.data.count, blobID: try await file.storeBlob(on: database)
                ).create(on: database)
            }
            let unitName = duty.units.first { $0.id == unitID }?.name ?? ""
            let what = kind == .report ? "完成情况" : "配合材料"
            let late = report.daysLate > 0 ? "（逾期 \(report.daysLate) 天）" : ""
            try await AuditLog.record(
                .reportSubmitted, by: filer.actor, governmentID: reporting.governmentID, entityType: "task",
                entityID: taskID,
                summary:
                    "\(unitName)报送第 \(duty.number) 项任务\(submission.period.label)\(what)（第 \(report.version) 版）\(late)",
                after: [
                    "status": submission.status.label, "period": submission.period.key, "version": "\(report.version)",
                ],
                requestID: filer.requestID, at: filer.now, on: database)
            if kind == .report {
                try await DutyStates.refresh(taskID: taskID, planID: duty.planID, today: filer.today, on: database)
                try await ReportChecks.run(
                    report, submission: submission, duty: duty, reporting: reporting, unitName: unitName,
                    at: filer.now, on: database)
                try await Instructions.answer(
                    submission.answers, report: report, unitName: unitName, duty: duty,
                    governmentID: reporting.governmentID, by: filer, on: database)
                try await OfficeNotice.submitted(
                    unitName: unitName, what: "\(submission.period.label)完成情况（第 \(report.version) 版）",
                    daysLate: report.daysLate, duty: duty, planTitle: reporting.planTitle,
                    link: SiteURL.report(reportID).path, governmentID: reporting.governmentID, by: filer,
                    on: database)
            }
            if kind == .contribution {
                for reporter in duty.reporters {
                    try await Notifier.post(
                        .submitted, governmentID: reporting.governmentID, unitID: reporter.id,
                        title: "\(unitName)提交了第 \(duty.number) 项任务的配合材料",
                        body: "\(submission.period.label)：\(submission.status.label)。汇总报送时可直接引用。",
                        link: SiteURL.taskReporting(taskID).path, sender: filer.actor.name, at: filer.now, on: database)
                }
            }
            return report
        }
    }

    /// The task's duty and its plan's rules; refuses withdrawn tasks.
    static func dutyAndRules(taskID: UUID, on database: any Database) async throws -> (TaskDuty, PlanReporting) {
        let (duties, plans) = try await TaskDuty.load(.tasks([taskID]), on: database)
        guard let duty = duties.first, let reporting = plans[duty.planID] else {
            throw ReportFilingError.taskWithdrawn
        }
        return (duty, reporting)
    }
}

extension Request {
    /// The signed-in user filing or deciding now, as every reporting service records them.
    func filer() throws -> ReportFiling.Filer {
        ReportFiling.Filer(
            userID: try currentUser().id, actor: auditActor, requestID: requestID, now: clock.now(),
            today: clock.today())
    }
}
