import Fluent
import Foundation
import SQLKit
import Vapor

/// Withdrawing a published plan and restoring it. A plan published by mistake, or replaced by another, is
/// archived rather than deleted: its tasks, reports and audit trail stay, it drops out of every list, count,
/// reminder and filing, and an administrator can bring it back as it was.
enum PlanWithdrawal {
    /// The longest reason kept, in characters.
    static let maxReasonLength = 500

    /// A SQL condition true for a task (alias `t`) whose plan is in force: every query that counts or lists
    /// work adds it, so a withdrawn plan's tasks vanish everywhere at once.
    static let taskOfActivePlan: SQLQueryString = "t.plan_id IN (SELECT id FROM plans WHERE withdrawn_at IS NULL)"

    /// Withdraws the plan of the government, with the reason, and records it in the audit log.
    static func withdraw(
        planID: UUID, governmentID: UUID, reason: String, actor: AuditActor, requestID: String?,
        at time: Date = Date(), on database: any Database
    ) async throws -> Plan {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw PlanWithdrawalError.reasonMissing }
        guard reason.unicodeScalars.count <= maxReasonLength else { throw PlanWithdrawalError.reasonTooLong }
        return try await database.writeTransaction { database in
            let plan = try await find(planID, governmentID: governmentID, on: database)
            guard plan.withdrawnAt == nil else { throw PlanWithdrawalError.alreadyWithdrawn }
            plan.withdrawnAt = time
            plan.withdrawalReason = reason
            try await plan.save(on: database)
            try await DutyStates.invalidate(planIDs: [planID], on: database)
            try await AuditLog.record(
                .planWithdrawn, by: actor, governmentID: governmentID, entityType: "plan", entityID: planID,
                summary: "撤回方案《\(plan.title)》：\(reason)", after: ["reason": reason], requestID: requestID,
                at: time, on: database)
            return plan
        }
    }

    /// Restores a withdrawn plan, unless a plan in force now has its 文号 or its title and year — then that
    /// one replaced it, and restoring would make two.
    static func restore(
        planID: UUID, governmentID: UUID, actor: AuditActor, requestID: String?, at time: Date = Date(),
        on database: any Database
    ) async throws -> Plan {
        try await database.writeTransaction { database in
            // In turn with the government's publications, which check for the same plan the same way.
            try await RowLock.take(Government.schema, id: governmentID, on: database)
            let plan = try await find(planID, governmentID: governmentID, on: database)
            guard plan.withdrawnAt != nil else { throw PlanWithdrawalError.notWithdrawn }
            if let same = try await PublishForecast.duplicate(
                docNumber: plan.docNumber, title: plan.title, year: plan.year, governmentID: governmentID,
                excluding: planID, on: database)
            {
                throw PlanWithdrawalError.replaced(title: same.title, sharedBy: same.sharedBy, planID: same.id)
            }
            let reason = plan.withdrawalReason ?? ""
            plan.withdrawnAt = nil
            plan.withdrawalReason = nil
            try await plan.save(on: database)
            try await DutyStates.invalidate(planIDs: [planID], on: database)
            try await AuditLog.record(
                .planRestored, by: actor, governmentID: governmentID, entityType: "plan", entityID: planID,
                summary: "恢复方案《\(plan.title)》", before: ["reason": reason], requestID: requestID, at: time,
                on: database)
            return plan
        }
    }

    /// "2026-12-03 09:30 撤回：误导入", as lists and the plan page say it.
    static func note(at time: Date, reason: String?) -> String {
        let day = DisplayTime.minute(time)
        guard let reason, !reason.isEmpty else { return "\(day) 撤回" }
        return "\(day) 撤回：\(reason)"
    }

    private static func find(_ planID: UUID, governmentID: UUID, on database: any Database) async throws -> Plan {
        guard
            let plan = try await Plan.query(on: database).filter(\.$id == planID)
                .filter(\.$government.$id == governmentID).first()
        else { throw PlanWithdrawalError.planNotFound }
        return plan
    }
}

/// What withdrawing or restoring refuses, in words the administrator can act on.
enum PlanWithdrawalError: AbortError, Equatable {
    case planNotFound
    case reasonMissing
    case reasonTooLong
    case alreadyWithdrawn
    case notWithdrawn
    case replaced(title: String, sharedBy: String, planID: UUID)

    var status: HTTPResponseStatus {
        switch self {
        case .planNotFound: .notFound
        case .reasonMissing, .reasonTooLong: .unprocessableEntity
        case .alreadyWithdrawn, .notWithdrawn, .replaced: .conflict
        }
    }

    var reason: String {
        switch self {
        case .planNotFound: "没有找到这份方案，可能属于其他政府。"
        case .reasonMissing: "请填写撤回理由，例如“误导入”或“已被新方案替代”。理由会记入操作日志。"
        case .reasonTooLong: "撤回理由最多 \(PlanWithdrawal.maxReasonLength) 字。"
        case .alreadyWithdrawn: "这份方案已经撤回。"
        case .notWithdrawn: "这份方案没有撤回，无需恢复。"
        case .replaced(let title, let sharedBy, _):
            "已有\(sharedBy)相同的方案《\(title)》在用，恢复会出现两份相同的方案。请先撤回《\(title)》，再恢复这一份。"
        }
    }
}
