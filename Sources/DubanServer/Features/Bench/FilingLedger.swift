import Fluent
import Foundation

/// What a surge or a crash left in the database, compared with what the server acknowledged. A report is
/// filed in one transaction with its evidence bytes (`AttachmentBlob` rows, not files on disk) and its audit
/// entry, so after any stop — a clean one or SIGKILL — every acknowledged filing must be there whole, and nothing
/// may be there in part.
struct FilingLedger: Sendable {
    /// A filing the server answered with success: the task, the narrative that names it, the evidence's SHA-256.
    struct Filing: Sendable {
        var taskID: UUID
        var narrative: String
        var sha256: String
    }

    /// The comparison; `problems` is empty when the database holds exactly what it should.
    struct Findings: Sendable {
        var reports = 0
        var reviews = 0
        var problems: [String] = []
    }

    /// Checks the plan's reports: each acknowledged filing stored with its own bytes, each stored report with its
    /// evidence present, no evidence without a report, one audit entry per report filed and per review given.
    /// `reviewed` lists the reports whose review was acknowledged.
    static func check(
        _ acknowledged: [Filing], reviewed: [UUID] = [], planID: UUID, governmentID: UUID, on database: any Database
    ) async throws -> Findings {
        var findings = Findings()
        let reports = try await ProgressReport.query(on: database)
            .join(TaskRecord.self, on: \ProgressReport.$task.$id == \TaskRecord.$id)
            .filter(TaskRecord.self, \.$plan.$id == planID).with(\.$attachments).all()
        findings.reports = reports.count
        // Only ids and hashes: the bytes themselves are not needed to know whose they are.
        let blobs = try await AttachmentBlob.query(on: database).field(\.$id).field(\.$sha256).all()
        var hashes: [UUID: String] = [:]
        for blob in blobs { hashes[try blob.requireID()] = blob.sha256 }
        var stored: [String: [String]] = [:]
        var referenced = Set<UUID>()
        for report in reports {
            let key = "\(report.$task.id)|\(report.narrative)"
            stored[key, default: []] += []
            if report.attachments.isEmpty { findings.problems.append("report \(report.narrative) has no evidence") }
            for attachment in report.attachments {
                referenced.insert(attachment.blobID)
                guard let hash = hashes[attachment.blobID] else {
                    findings.problems.append("report \(report.narrative) lists evidence whose bytes are missing")
                    continue
                }
                stored[key, default: []].append(hash)
            }
        }
        for filing in acknowledged {
            guard let found = stored["\(filing.taskID)|\(filing.narrative)"] else {
                findings.problems.append("acknowledged filing \(filing.narrative) is not in the database")
                continue
            }
            if !found.contains(filing.sha256) {
                findings.problems.append("filing \(filing.narrative) is stored with other evidence bytes")
            }
        }
        let orphans = Set(hashes.keys).subtracting(referenced)
        if !orphans.isEmpty { findings.problems.append("\(orphans.count) evidence blobs belong to no report") }
        let reviewedIDs = Set(reviewed)
        let reviewedStored = reports.filter { $0.reviewedAt != nil }
        findings.reviews = reviewedStored.count
        let storedIDs = Set(try reviewedStored.map { try $0.requireID() })
        for id in reviewedIDs where !storedIDs.contains(id) {
            findings.problems.append("acknowledged review of report \(id) is not in the database")
        }
        let filedAudits = try await audits(.reportSubmitted, governmentID: governmentID, on: database)
        if filedAudits != reports.count {
            findings.problems.append("\(reports.count) reports but \(filedAudits) audit entries of filing")
        }
        let reviewAudits = try await audits(.reportReviewed, governmentID: governmentID, on: database)
        if reviewAudits != reviewedStored.count {
            findings.problems.append("\(reviewedStored.count) reviews but \(reviewAudits) audit entries of review")
        }
        return findings
    }

    private static func audits(_ action: AuditAction, governmentID: UUID, on database: any Database) async throws
        -> Int
    {
        try await AuditEvent.query(on: database).filter(\.$action == action.rawValue)
            .filter(\.$government.$id == governmentID).count()
    }
}
