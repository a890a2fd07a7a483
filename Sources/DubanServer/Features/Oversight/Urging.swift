import Fluent
import Foundation

/// The 督查室's manual 催办: one message to each unit about the tasks chosen for it, in-app and to its webhooks,
/// recorded in the audit log.
enum Urging {
    /// One task of one unit to urge.
    struct Target: Sendable, Hashable {
        var taskID: UUID
        var unitID: UUID
    }

    /// Why an urge was refused.
    enum Failure: Error, Equatable {
        case nothingChosen
        case messageTooLong

        var message: String {
            switch self {
            case .nothingChosen: "请至少勾选一项任务再催办。"
            case .messageTooLong: "催办说明不能超过 500 字。"
            }
        }
    }

    /// Sends the urges; returns how many units were urged. Targets outside the government are ignored.
    static func urge(
        _ targets: Set<Target>, message: String, governmentID: UUID, by filer: ReportFiling.Filer,
        on database: any Database
    ) async throws -> Int {
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !targets.isEmpty else { throw Failure.nothingChosen }
        guard message.count <= 500 else { throw Failure.messageTooLong }
        let tasks = try await TaskRecord.query(on: database).filter(\.$id ~~ Set(targets.map(\.taskID)))
            .with(\.$plan).all()
        var known: [UUID: TaskRecord] = [:]
        for task in tasks where task.plan.$government.id == governmentID && task.plan.withdrawnAt == nil {
            known[try task.requireID()] = task
        }
        let units = try await Unit.query(on: database).filter(\.$id ~~ Set(targets.map(\.unitID)))
            .filter(\.$government.$id == governmentID).all()
        var byUnit: [UUID: [TaskRecord]] = [:]
        for target in targets {
            guard let task = known[target.taskID] else { continue }
            byUnit[target.unitID, default: []].append(task)
        }
        let names = Dictionary(uniqueKeysWithValues: try units.map { (try $0.requireID(), $0.name) })
        let ordered = byUnit.sorted { (names[$0.key] ?? "") < (names[$1.key] ?? "") }
        return try await database.writeTransaction { database in
            // Urges of one government take turns, and one sent moments ago with the same words is not sent again:
            // a double click on 催办 posted every notice twice.
            try await RowLock.take(Government.schema, id: governmentID, on: database)
            let repeated = try await justSent(ordered, message: message, at: filer.now, on: database)
            var urged = 0
            for (unitID, all) in ordered {
                guard let name = names[unitID] else { continue }
                let list = all.filter { task in
                    task.id.map { !repeated.contains(Target(taskID: $0, unitID: unitID)) } ?? false
                }
                guard !list.isEmpty else { continue }
                let sorted = list.sorted { lhs, rhs in
                    lhs.plan.title != rhs.plan.title
                        ? lhs.plan.title < rhs.plan.title
                        : lhs.number.localizedStandardCompare(rhs.number) == .orderedAscending
                }
                let body =
                    "请抓紧办理并报送以下任务的有关材料：" + phrases(sorted) + "。" + (message.isEmpty ? "" : "督查室说明：\(message)")
                try await Notifier.post(
                    .urge, governmentID: governmentID, unitID: unitID, title: "督查室催办 \(sorted.count) 项任务",
                    body: body, link: SiteURL.unitDesk(unitID).path, sender: filer.actor.name, at: filer.now,
                    on: database)
                for task in sorted {
                    try await TaskUrge(
                        taskID: try task.requireID(), unitID: unitID, urgedBy: filer.actor.name, message: message,
                        urgedAt: filer.now
                    ).create(on: database)
                }
                try await AuditLog.record(
                    .unitUrged, by: filer.actor, governmentID: governmentID, entityType: "unit", entityID: unitID,
                    summary: "催办\(name)：第 \(sorted.map(\.number).joined(separator: "、")) 项任务",
                    after: ["message": message], requestID: filer.requestID, at: filer.now, on: database)
                urged += 1
            }
            return urged
        }
    }

    /// The targets among `ordered` urged with `message` within `RepeatedSubmission.window` before `now`.
    private static func justSent(
        _ ordered: [(key: UUID, value: [TaskRecord])], message: String, at now: Date, on database: any Database
    ) async throws -> Set<Target> {
        let recent = try await TaskUrge.query(on: database)
            .filter(\.$unit.$id ~~ ordered.map(\.key))
            .filter(\.$task.$id ~~ ordered.flatMap { $0.value.compactMap(\.id) })
            .filter(\.$urgedAt >= now.addingTimeInterval(-RepeatedSubmission.window)).filter(\.$message == message)
            .all()
        return Set(recent.map { Target(taskID: $0.$task.id, unitID: $0.$unit.id) })
    }

    /// The tasks under their plans, each by number and first words; at most ten, the rest counted.
    private static func phrases(_ tasks: [TaskRecord]) -> String {
        var parts: [String] = []
        var plan: String?
        for task in tasks.prefix(10) {
            let words = "第 \(task.number) 项“\(TaskNaming.words(task.text))”"
            parts.append(plan == task.plan.title ? words : TaskNaming.quoted(task.plan.title) + words)
            plan = task.plan.title
        }
        return parts.joined(separator: "、") + (tasks.count > 10 ? " 等 \(tasks.count) 项" : "")
    }
}
