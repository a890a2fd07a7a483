import DubanCore
import Fluent
import Foundation
import SQLKit

/// Runs DubanCore's `ReportQuality` checks on a report version as it is filed, against the plan's other current
/// reports, and keeps the flags with the version. Inside the filing's transaction, so a report is never seen
/// without its flags; the checks never refuse a report.
enum ReportChecks {
    /// Checks the consolidated report just created and stores its flags.
    static func run(
        _ report: ProgressReport, submission: ReportFiling.Submission, duty: TaskDuty, reporting: PlanReporting,
        unitName: String, at now: Date, on database: any Database
    ) async throws {
        let reportID = try report.requireID()
        let order = ReportLedger.periodOrder(reporting.calendar)
        let others = try await subjects(planID: duty.planID, order: order, on: database)
        let targets = TaskTargets.of(duty.text)
        let figures = submission.actuals.compactMap { actual in
            ScoreRecords.figure(
                label: actual.label, unit: actual.unitOfMeasure, actual: actual.actual, targets: targets,
                period: submission.period, pace: reporting.rules.pace)
        }
        let subject = ReportQuality.Subject(
            id: reportID.uuidString, unitID: report.$unit.id.uuidString, unitName: unitName,
            taskID: duty.taskID.uuidString, taskNumber: duty.number, periodOrder: order[submission.period] ?? 99,
            periodLabel: submission.period.shortLabel, status: submission.status, narrative: report.narrative,
            figures: figures, evidence: others.first { $0.id == reportID.uuidString }?.evidence ?? [])
        let crossLevel = try await LevelFigureChecks.check(report, on: database)
        for flag in ReportQuality.check(subject, against: others) + crossLevel {
            try await ReportFlag(flag, reportID: reportID, at: now).create(on: database)
        }
    }

    /// The plan's current consolidated reports as the checks see them, with their evidence by content hash.
    static func subjects(planID: UUID, order: [ReportingPeriod: Int], on database: any Database) async throws
        -> [ReportQuality.Subject]
    {
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT r.id, r.unit_id, u.name AS unit_name, r.task_id, t.number, r.period, r.status, r.narrative \
            FROM progress_reports r JOIN tasks t ON t.id = r.task_id JOIN units u ON u.id = r.unit_id \
            WHERE t.plan_id = \(bind: planID) AND r.kind = 'report' AND r.state <> 'superseded'
            """
        ).all()
        let files = try await sql.raw(
            """
            SELECT a.report_id, a.file_name, b.sha256 FROM report_attachments a \
            JOIN attachment_blobs b ON b.id = a.blob_id JOIN progress_reports r ON r.id = a.report_id \
            JOIN tasks t ON t.id = r.task_id \
            WHERE t.plan_id = \(bind: planID) AND r.kind = 'report' AND r.state <> 'superseded'
            """
        ).all()
        var evidence: [UUID: [ReportQuality.Evidence]] = [:]
        for row in files {
            evidence[try row.decode(column: "report_id", as: UUID.self), default: []].append(
                ReportQuality.Evidence(
                    sha256: try row.decode(column: "sha256", as: String.self),
                    fileName: try row.decode(column: "file_name", as: String.self)))
        }
        return try rows.compactMap { row in
            guard let period = ReportingPeriod(key: try row.decode(column: "period", as: String.self)),
                let status = ReportStatus(rawValue: try row.decode(column: "status", as: String.self))
            else { return nil }
            let id = try row.decode(column: "id", as: UUID.self)
            return ReportQuality.Subject(
                id: id.uuidString, unitID: try row.decode(column: "unit_id", as: UUID.self).uuidString,
                unitName: try row.decode(column: "unit_name", as: String.self),
                taskID: try row.decode(column: "task_id", as: UUID.self).uuidString,
                taskNumber: try row.decode(column: "number", as: String.self), periodOrder: order[period] ?? 99,
                periodLabel: period.shortLabel, status: status,
                narrative: try row.decode(column: "narrative", as: String.self), evidence: evidence[id] ?? [])
        }
    }

    /// Dismisses a flag with the 督查室's reason; audited.
    static func dismiss(
        _ flag: ReportFlag, reason raw: String, governmentID: UUID, by filer: ReportFiling.Filer,
        on database: any Database
    ) async throws {
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ReportFilingError.dismissReasonRequired }
        guard reason.count <= 500 else { throw ReportFilingError.dismissReasonTooLong(500) }
        guard flag.dismissedAt == nil else { return }
        try await database.writeTransaction { database in
            flag.dismissedAt = filer.now
            flag.dismissedBy = filer.actor.name
            flag.dismissReason = reason
            try await flag.update(on: database)
            try await ScoreInputs.changed(reportID: flag.$report.id, on: database)
            try await AuditLog.record(
                .flagDismissed, by: filer.actor, governmentID: governmentID, entityType: "report",
                entityID: flag.$report.id, summary: "排除报告质量提示：\(flag.kind.label)",
                after: ["evidence": flag.evidence, "reason": reason], requestID: filer.requestID, at: filer.now,
                on: database)
        }
    }
}
