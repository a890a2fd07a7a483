import Fluent
import SQLKit
import Vapor

/// Merges one unit into another: plans name the same body differently over the years ("区科经局" and
/// "区科学技术和经济信息化局"), and the 督查室 tidies the directory by folding the duplicate into the unit it is.
///
/// Everything happens in one transaction: the source's task assignments move to the target (an assignment the
/// target already has in the same role is dropped, keeping the unique (task, unit, role) constraint), the
/// source's name and aliases become aliases of the target, its memberships and clerks move, its reports, work
/// plans and the rest of its record move (`moveRecords`), and the source is deleted.
struct UnitMerger {
    /// What the audit log keeps of a merge.
    struct MergeState: Encodable, Sendable {
        var source: String?
        var sourceAliases: [String]
        var target: String
        var outcome: Outcome?
    }

    /// What a merge did, for the notice on the unit page.
    struct Outcome: Equatable, Sendable, Encodable {
        var movedAssignments: Int
        var droppedDuplicates: Int
        var addedAliases: Int
        /// The source's reports and work plans, now the target's.
        var movedFilings = 0
    }

    let database: any Database
    /// Recorded in the audit log as the one who merged.
    var actor: AuditActor = .system
    var requestID: String?

    /// Merges `sourceID` into `targetID`; both must be units of `governmentID`.
    func merge(sourceID: UUID, into targetID: UUID, governmentID: UUID) async throws -> Outcome {
        guard sourceID != targetID else { throw UnitMergeError.sameUnit }
        return try await database.writeTransaction { database in
            guard let target = try await Self.unit(targetID, governmentID: governmentID, on: database) else {
                throw UnitMergeError.targetNotFound
            }
            guard let source = try await Self.unit(sourceID, governmentID: governmentID, on: database) else {
                throw UnitMergeError.sourceNotFound
            }
            // The source's duties and reports become the target's.
            try await DutyStates.invalidate(governmentID: governmentID, on: database)
            let (moved, dropped) = try await Self.moveAssignments(from: sourceID, to: targetID, on: database)
            let added = try await Self.moveNames(of: source, to: target, on: database)
            try await Self.moveMemberships(from: sourceID, to: targetID, on: database)
            // The source's clerks act for the unit it turned out to be.
            try await User.query(on: database).filter(\.$unit.$id == sourceID).set(\.$unit.$id, to: targetID).update()
            // 督查 findings and the answers to them follow the unit: deleting the source must not erase them.
            try await RoundFinding.query(on: database).filter(\.$unit.$id == sourceID)
                .set(\.$unit.$id, to: targetID).update()
            try await FindingResponse.query(on: database).filter(\.$unit.$id == sourceID)
                .set(\.$unit.$id, to: targetID).update()
            let filings = try await Self.moveRecords(from: sourceID, to: targetID, on: database)
            try await source.delete(on: database)
            let outcome = Outcome(
                movedAssignments: moved, droppedDuplicates: dropped, addedAliases: added, movedFilings: filings)
            try await AuditLog.record(
                .unitMerged, by: actor, governmentID: governmentID, entityType: "unit", entityID: targetID,
                summary: "把“\(source.name)”合并到“\(target.name)”，移交 \(moved) 项任务分工"
                    + (filings > 0 ? "和 \(filings) 份报告、办理方案" : ""),
                before: MergeState(
                    source: source.name, sourceAliases: source.aliases.map(\.alias), target: target.name),
                after: MergeState(source: nil, sourceAliases: [], target: target.name, outcome: outcome),
                requestID: requestID, on: database)
            return outcome
        }
    }

    /// The unit with its aliases when it belongs to the government.
    private static func unit(_ id: UUID, governmentID: UUID, on database: any Database) async throws -> Unit? {
        try await Unit.query(on: database).filter(\.$id == id).filter(\.$government.$id == governmentID)
            .with(\.$aliases).first()
    }

    /// Drops the source's assignments the target already holds in the same role, then moves the rest: two
    /// set-based statements, however many tasks the unit has.
    private static func moveAssignments(from sourceID: UUID, to targetID: UUID, on database: any Database)
        async throws -> (moved: Int, dropped: Int)
    {
        let before = try await TaskAssignment.query(on: database).filter(\.$unit.$id == sourceID).count()
        let sql = try database.requireSQL()
        try await sql.raw(
            """
            DELETE FROM task_assignments WHERE unit_id = \(bind: sourceID) AND EXISTS (
              SELECT 1 FROM task_assignments other WHERE other.unit_id = \(bind: targetID)
              AND other.task_id = task_assignments.task_id AND other.role = task_assignments.role)
            """
        ).run()
        let moved = try await TaskAssignment.query(on: database).filter(\.$unit.$id == sourceID).count()
        try await TaskAssignment.query(on: database).filter(\.$unit.$id == sourceID).set(\.$unit.$id, to: targetID)
            .update()
        return (moved, before - moved)
    }

    /// Adds the source's name and aliases to the target's aliases (skipping names the target already has), and
    /// removes the source's alias rows before the unit goes.
    private static func moveNames(of source: Unit, to target: Unit, on database: any Database) async throws -> Int {
        var known = Set([target.name] + target.aliases.map(\.alias))
        var added: [UnitAlias] = []
        let targetID = try target.requireID()
        for name in [source.name] + source.aliases.map(\.alias) where known.insert(name).inserted {
            added.append(UnitAlias(unitID: targetID, alias: name, kind: .alias))
        }
        try await UnitAlias.query(on: database).filter(\.$unit.$id == source.requireID()).delete()
        try await added.create(on: database)
        return added.count
    }

    /// Moves the source's group memberships and members to the target, dropping those the target already has
    /// and any that would make the target a member of itself.
    private static func moveMemberships(from sourceID: UUID, to targetID: UUID, on database: any Database)
        async throws
    {
        let targetGroups = Set(
            try await UnitMembership.query(on: database).filter(\.$member.$id == targetID).all()
                .map(\.$group.id))
        let targetMembers = Set(
            try await UnitMembership.query(on: database).filter(\.$group.$id == targetID).all()
                .map(\.$member.id))
        for membership in try await UnitMembership.query(on: database).filter(\.$member.$id == sourceID).all() {
            let groupID = membership.$group.id
            if groupID == targetID || targetGroups.contains(groupID) {
                try await membership.delete(on: database)
            } else {
                membership.$member.id = targetID
                try await membership.save(on: database)
            }
        }
        for membership in try await UnitMembership.query(on: database).filter(\.$group.$id == sourceID).all() {
            let memberID = membership.$member.id
            if memberID == targetID || targetMembers.contains(memberID) {
                try await membership.delete(on: database)
            } else {
                membership.$group.id = targetID
                try await membership.save(on: database)
            }
        }
    }
}

/// Why a merge cannot be done, in words the 督查室 can act on.
enum UnitMergeError: AbortError, Equatable {
    /// The form was sent without choosing a unit, or with a value that is not a unit id.
    case sourceMissing
    case sameUnit
    /// The chosen unit does not exist (any more) or belongs to another government.
    case sourceNotFound
    case targetNotFound

    /// 404 when the unit whose page the form is on is gone, 400 for a bad choice in the form.
    var status: HTTPResponseStatus {
        self == .targetNotFound ? .notFound : .badRequest
    }

    /// The sentence the error page shows.
    var reason: String {
        switch self {
        case .sourceMissing: "请先选择要合并到本单位的单位。"
        case .sameUnit: "不能把一个单位合并到它自己。请选择另一个单位。"
        case .sourceNotFound: "所选单位不存在或不属于本级政府，可能已被合并。请刷新页面后重新选择。"
        case .targetNotFound: "没有找到这个单位，可能已被合并或删除。"
        }
    }
}
