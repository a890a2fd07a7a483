import DubanCore
import Fluent
import Foundation

/// 批示: a leader's instruction on a task or one of its reports, and the units' answers to it. Giving one
/// notifies every unit holding the task and the 督查室 and is audited; each reporting unit answers it in its
/// next report, which notifies the leader.
enum Instructions {
    /// The longest instruction or answer accepted.
    static let maxLength = 1000

    /// Why a 批示 was refused.
    enum Failure: Error, Equatable {
        case empty
        case tooLong
        case taskWithdrawn
        case reportNotOfTask

        var message: String {
            switch self {
            case .empty: "请填写批示内容。"
            case .tooLong: "批示不能超过 \(Instructions.maxLength) 字。"
            case .taskWithdrawn: "这项任务已撤销，不能再批示。"
            case .reportNotOfTask: "所选报告不属于这项任务。"
            }
        }
    }

    /// The leader giving an instruction.
    struct Author: Sendable {
        var leaderID: UUID
        var userID: UUID?
        /// "孙丽（副区长）".
        var name: String

        /// The leader a signed-in account stands for; nil for an account that stands for none.
        static func of(_ user: CurrentUser, on database: any Database) async throws -> Author? {
            guard let leaderID = user.leaderID, let leader = try await Leader.find(leaderID, on: database) else {
                return nil
            }
            return Author(
                leaderID: leaderID, userID: user.id,
                name: leader.title.isEmpty ? leader.name : "\(leader.name)（\(leader.title)）")
        }
    }

    /// Records the instruction on the task (or on `reportID`, a report of it) and tells those concerned.
    static func give(
        _ text: String, taskID: UUID, reportID: UUID?, by author: Author, filer: ReportFiling.Filer,
        on database: any Database
    ) async throws -> Instruction {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Failure.empty }
        guard text.count <= maxLength else { throw Failure.tooLong }
        let (duties, plans) = try await TaskDuty.load(.tasks([taskID]), on: database)
        guard let duty = duties.first, let reporting = plans[duty.planID] else { throw Failure.taskWithdrawn }
        var period = ""
        if let reportID {
            guard let report = try await ProgressReport.find(reportID, on: database), report.$task.id == taskID
            else { throw Failure.reportNotOfTask }
            period = "\(ReportingPeriod(key: report.period)?.label ?? report.period)完成情况"
        }
        let about = "第 \(duty.number) 项任务" + period
        return try await database.writeTransaction { database in
            // Instructions on one task take turns, and the same words by the same leader moments ago are the same
            // 批示: a double click on 发送批示 told every unit twice.
            try await RowLock.take(TaskRecord.schema, id: taskID, on: database)
            if let given = try await justGiven(
                text, taskID: taskID, reportID: reportID, by: author, at: filer.now, on: database)
            {
                return given
            }
            let instruction = Instruction(
                taskID: taskID, reportID: reportID, leaderID: author.leaderID, authorID: author.userID,
                author: author.name, text: text, at: filer.now)
            try await instruction.create(on: database)
            let phrase = TaskNaming.phrase(number: duty.number, text: duty.text, planTitle: reporting.planTitle)
            let link = SiteURL.taskReporting(taskID).path + "#instructions"
            for unit in duty.units {
                try await Notifier.post(
                    .instruction, governmentID: reporting.governmentID, unitID: unit.id,
                    title: "\(author.name)对\(about)作出批示", body: "\(phrase)：\(text)。请在下次报送时说明落实情况。",
                    link: link, sender: author.name, at: filer.now, on: database)
            }
            try await Notifier.post(
                .instruction, governmentID: reporting.governmentID, unitID: nil,
                title: "\(author.name)对\(about)作出批示", body: "\(phrase)：\(text)", link: link,
                sender: author.name, at: filer.now, on: database)
            try await AuditLog.record(
                .instructionGiven, by: filer.actor, governmentID: reporting.governmentID, entityType: "task",
                entityID: taskID, summary: "\(author.name)对\(about)作出批示", after: ["text": text],
                requestID: filer.requestID, at: filer.now, on: database)
            return instruction
        }
    }

    /// The instruction with `text` that `author` gave on the task (and report) within `RepeatedSubmission.window`
    /// before `now`.
    private static func justGiven(
        _ text: String, taskID: UUID, reportID: UUID?, by author: Author, at now: Date, on database: any Database
    ) async throws -> Instruction? {
        try await Instruction.query(on: database).filter(\.$task.$id == taskID).filter(\.$report.$id == reportID)
            .filter(\.$leader.$id == author.leaderID).filter(\.$text == text)
            .filter(\.$createdAt >= now.addingTimeInterval(-RepeatedSubmission.window)).first()
    }

    /// Stores the unit's answers filed with `report` (inside its transaction) and tells each leader. Answers to
    /// instructions of other tasks, and empty ones, are ignored.
    static func answer(
        _ answers: [UUID: String], report: ProgressReport, unitName: String, duty: TaskDuty, governmentID: UUID,
        by filer: ReportFiling.Filer, on database: any Database
    ) async throws {
        let kept = answers.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        guard !kept.isEmpty else { return }
        let instructions = try await Instruction.query(on: database).filter(\.$id ~~ Set(kept.keys))
            .filter(\.$task.$id == duty.taskID).all()
        let reportID = try report.requireID()
        for instruction in instructions {
            guard let text = kept[try instruction.requireID()] else { continue }
            try await InstructionReply(
                instructionID: try instruction.requireID(), reportID: reportID, unitID: report.$unit.id,
                text: String(text.prefix(maxLength)), at: filer.now
            ).create(on: database)
            guard let leaderID = instruction.$leader.id else { continue }
            try await Notifier.post(
                .instruction, governmentID: governmentID, unitID: nil, leaderID: leaderID,
                title: "\(unitName)报告了第 \(duty.number) 项任务批示的落实情况",
                body: "批示：\(TaskNaming.words(instruction.text))。落实情况：\(text)",
                link: SiteURL.taskReporting(duty.taskID).path + "#instructions", sender: filer.actor.name,
                at: filer.now, on: database)
        }
    }
}
