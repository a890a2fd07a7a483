import DubanCore
import Fluent
import Foundation

/// Starting and ending 督查 rounds. A round belongs to one plan of the government; its scope is the plan or a
/// section of it, optionally narrowed to some units. Every step is audited.
enum Rounds {
    /// The longest title and inspector list accepted.
    static let maxTitle = 100
    static let maxInspectors = 300

    /// What the 督查室 types to start a round.
    struct Draft: Sendable {
        var kind: SupervisionKind
        var title: String
        var startsOn: String
        var endsOn: String
        var inspectors: String
        var planID: UUID?
        var sectionID: UUID?
        var unitIDs: [UUID]
    }

    /// Starts a round; throws `RoundError` naming the first thing to fix.
    static func start(
        _ draft: Draft, governmentID: UUID, by filer: ReportFiling.Filer, on database: any Database
    ) async throws -> SupervisionRound {
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let inspectors = draft.inspectors.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw RoundError.titleRequired }
        guard title.count <= maxTitle else { throw RoundError.tooLong("督查名称", maxTitle) }
        guard inspectors.count <= maxInspectors else { throw RoundError.tooLong("督查人员", maxInspectors) }
        guard let starts = CalendarDay(draft.startsOn), let ends = CalendarDay(draft.endsOn), starts <= ends else {
            throw RoundError.invalidDates
        }
        guard let planID = draft.planID,
            let plan = try await Plan.query(on: database).filter(\.$id == planID)
                .filter(\.$government.$id == governmentID).filter(\.$withdrawnAt == nil).first()
        else { throw RoundError.planNotFound }
        if let sectionID = draft.sectionID {
            guard
                try await PlanSection.query(on: database).filter(\.$id == sectionID)
                    .filter(\.$plan.$id == planID).count() > 0
            else { throw RoundError.sectionNotOfPlan }
        }
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$id ~~ Set(draft.unitIDs)).all()
        return try await database.writeTransaction { database in
            let round = SupervisionRound(
                governmentID: governmentID, planID: planID, sectionID: draft.sectionID, kind: draft.kind,
                title: title, startsOn: starts.description, endsOn: ends.description, inspectors: inspectors,
                unitIDs: try units.map { try $0.requireID() }, createdByID: filer.userID, at: filer.now)
            try await round.create(on: database)
            try await AuditLog.record(
                .roundStarted, by: filer.actor, governmentID: governmentID, entityType: "round",
                entityID: try round.requireID(), summary: "开展\(draft.kind.label)“\(title)”（\(plan.title)）",
                after: ["kind": draft.kind.label, "starts": starts.description, "ends": ends.description],
                requestID: filer.requestID, at: filer.now, on: database)
            return round
        }
    }

    /// Ends a round: no further findings; the open ones still run to their deadlines.
    static func close(_ round: SupervisionRound, by filer: ReportFiling.Filer, on database: any Database)
        async throws
    {
        guard round.closedAt == nil else { return }
        let roundID = try round.requireID()
        try await database.writeTransaction { database in
            // As committed, closes of one round taking turns: a double click on 结束督查 closed it twice, with two
            // audit entries and the second time's date.
            try await RowLock.take(SupervisionRound.schema, id: roundID, on: database)
            guard let current = try await SupervisionRound.find(roundID, on: database), current.closedAt == nil else {
                return
            }
            round.closedAt = filer.now
            try await round.update(on: database)
            try await AuditLog.record(
                .roundClosed, by: filer.actor, governmentID: round.$government.id, entityType: "round",
                entityID: roundID, summary: "结束督查“\(round.title)”", requestID: filer.requestID,
                at: filer.now, on: database)
        }
    }
}
