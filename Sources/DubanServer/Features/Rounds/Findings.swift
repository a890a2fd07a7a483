import DubanCore
import Fluent
import Foundation

/// A round's findings through their life: raised by the 督查室 against one unit's work on one task, answered by
/// the unit with its 整改 (text and evidence), closed (销号) or reopened by the 督查室. Each step notifies the
/// other side in the app and to its webhooks, and is audited.
enum Findings {
    /// The longest problem, requirement, response or comment accepted.
    static let maxLength = 2000

    /// What the 督查室 types to raise a finding.
    struct Draft: Sendable {
        var taskID: UUID?
        var unitID: UUID?
        var problem: String
        var requirement: String
        var dueOn: String
    }

    /// Raises a finding in `round`; throws `RoundError` naming the first thing to fix.
    static func raise(
        _ draft: Draft, in round: SupervisionRound, by filer: ReportFiling.Filer, on database: any Database
    ) async throws -> RoundFinding {
        guard round.closedAt == nil else { throw RoundError.roundClosed }
        let problem = try text(draft.problem, field: "问题", missing: .problemRequired)
        let requirement = try text(draft.requirement, field: "整改要求", missing: .requirementRequired)
        guard let due = CalendarDay(draft.dueOn) else { throw RoundError.invalidDue }
        guard let taskID = draft.taskID,
            let duty = try await RoundScope.duty(taskID, in: round, on: database)
        else { throw RoundError.taskNotInScope }
        guard let unit = RoundScope.units(of: duty, in: round).first(where: { $0.id == draft.unitID }) else {
            throw RoundError.unitNotOfTask
        }
        let planTitle = try await Plan.find(duty.planID, on: database)?.title ?? ""
        return try await database.writeTransaction { database in
            let finding = RoundFinding(
                roundID: try round.requireID(), taskID: taskID, unitID: unit.id, problem: problem,
                requirement: requirement, dueOn: due.description, createdByID: filer.userID, at: filer.now)
            try await finding.create(on: database)
            try await DutyStates.refresh(taskID: taskID, planID: duty.planID, today: filer.today, on: database)
            let phrase = TaskNaming.phrase(number: duty.number, text: duty.text, planTitle: planTitle)
            try await Notifier.post(
                .finding, governmentID: round.$government.id, unitID: unit.id,
                title: "\(round.kind.label)发现问题，请于\(due.chineseMonthDay)前整改",
                body: "\(phrase)：\(problem)。整改要求：\(requirement)",
                link: SiteURL.finding(try finding.requireID()).path, sender: filer.actor.name, at: filer.now,
                on: database)
            try await AuditLog.record(
                .findingRaised, by: filer.actor, governmentID: round.$government.id, entityType: "finding",
                entityID: try finding.requireID(), summary: "“\(round.title)”发现\(unit.name)第 \(duty.number) 项任务的问题",
                after: ["problem": problem, "requirement": requirement, "due": due.description],
                requestID: filer.requestID, at: filer.now, on: database)
            return finding
        }
    }

    /// Files the unit's 整改 response with its evidence; a late response is stamped with its delay.
    static func answer(
        _ finding: RoundFinding, text raw: String, files: [EvidenceFile], unitName: String,
        by filer: ReportFiling.Filer, on database: any Database
    ) async throws -> FindingResponse {
        guard finding.state != .closed else { throw RoundError.findingClosed }
        let text = try text(raw, field: "整改情况", missing: .responseRequired)
        guard files.count <= EvidenceFile.maxFiles else {
            throw RoundError.evidence(ReportFilingError.tooManyFiles(EvidenceFile.maxFiles).reason)
        }
        let due = CalendarDay(finding.dueOn)
        let late = due.map { max(0, $0.days(until: filer.today)) } ?? 0
        let governmentID = try await governmentID(of: finding, on: database)
        return try await database.writeTransaction { database in
            let state = try await RowLock.state(of: RoundFinding.schema, id: try finding.requireID(), on: database)
            guard state != FindingState.closed.rawValue else { throw RoundError.findingClosed }
            let response = FindingResponse(
                findingID: try finding.requireID(), unitID: finding.$unit.id, text: text,
                submittedOn: filer.today.description, daysLate: late, submittedByID: filer.userID, at: filer.now)
            try await response.create(on: database)
            try await DutyStates.refresh(taskID: finding.$task.id, today: filer.today, on: database)
            for file in files {
                try await FindingAttachment(
                    responseID: try response.requireID(), fileName: file.fileName, contentType: file.contentType,
                    byteCount: file.data.count, blobID: try await file.storeBlob(on: database)
                ).create(on: database)
            }
            finding.state = .responded
            try await finding.update(on: database)
            let delay = late > 0 ? "（逾期 \(late) 天）" : ""
            try await Notifier.post(
                .finding, governmentID: governmentID, unitID: nil, title: "\(unitName)报送了整改情况\(delay)",
                body: "问题：\(TaskNaming.words(finding.problem))。整改情况：\(TaskNaming.words(text))",
                link: SiteURL.finding(try finding.requireID()).path, sender: filer.actor.name, at: filer.now,
                on: database)
            try await AuditLog.record(
                .findingAnswered, by: filer.actor, governmentID: governmentID, entityType: "finding",
                entityID: try finding.requireID(), summary: "\(unitName)报送整改情况\(delay)",
                after: ["text": text, "files": String(files.count)], requestID: filer.requestID, at: filer.now,
                on: database)
            return response
        }
    }

    /// The 督查室's decision on a responded finding.
    enum Decision: String, Sendable {
        case close
        case reopen
    }

    /// Closes (销号) or reopens the finding; reopening needs a comment and may set a new deadline.
    static func review(
        _ finding: RoundFinding, decision: Decision?, comment raw: String, newDue: String,
        by filer: ReportFiling.Filer, on database: any Database
    ) async throws {
        guard finding.state == .responded else { throw RoundError.notAwaitingReview }
        guard let decision else { throw RoundError.decisionMissing }
        let comment = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.count <= maxLength else { throw RoundError.tooLong("意见", maxLength) }
        var due: CalendarDay?
        if decision == .reopen {
            guard !comment.isEmpty else { throw RoundError.commentRequired }
            if !newDue.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let day = CalendarDay(newDue) else { throw RoundError.invalidDue }
                due = day
            }
        }
        let governmentID = try await governmentID(of: finding, on: database)
        let newDueDay = due
        try await database.writeTransaction { database in
            let state = try await RowLock.state(of: RoundFinding.schema, id: try finding.requireID(), on: database)
            guard state == FindingState.responded.rawValue else { throw RoundError.notAwaitingReview }
            finding.state = decision == .close ? .closed : .reopened
            finding.closedAt = decision == .close ? filer.now : nil
            finding.reviewComment = comment
            if let newDueDay { finding.dueOn = newDueDay.description }
            try await finding.update(on: database)
            try await DutyStates.refresh(taskID: finding.$task.id, today: filer.today, on: database)
            let title =
                decision == .close
                ? "督查发现的问题已销号" : "督查发现的问题需重新整改，时限\(CalendarDay(finding.dueOn)?.chineseMonthDay ?? finding.dueOn)"
            try await Notifier.post(
                .finding, governmentID: governmentID, unitID: finding.$unit.id, title: title,
                body: "问题：\(TaskNaming.words(finding.problem))" + (comment.isEmpty ? "" : "。意见：\(comment)"),
                link: SiteURL.finding(try finding.requireID()).path, sender: filer.actor.name, at: filer.now,
                on: database)
            try await AuditLog.record(
                decision == .close ? .findingClosed : .findingReopened, by: filer.actor, governmentID: governmentID,
                entityType: "finding", entityID: try finding.requireID(), summary: title,
                after: ["comment": comment, "due": finding.dueOn], requestID: filer.requestID, at: filer.now,
                on: database)
        }
    }

    /// Trimmed text within the length limit.
    private static func text(_ raw: String, field: String, missing: RoundError) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw missing }
        guard text.count <= maxLength else { throw RoundError.tooLong(field, maxLength) }
        return text
    }

    /// The government of the finding's round.
    private static func governmentID(of finding: RoundFinding, on database: any Database) async throws -> UUID {
        if let round = finding.$round.value { return round.$government.id }
        guard let round = try await SupervisionRound.find(finding.$round.id, on: database) else {
            throw RoundError.roundNotFound
        }
        return round.$government.id
    }
}
