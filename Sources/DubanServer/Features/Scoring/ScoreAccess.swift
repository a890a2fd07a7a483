import DubanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Whose scores the signed-in user may read on a plan: the 督查室 every unit's; a leader the units of their
/// portfolio (units holding tasks the leader answers for); a clerk its own unit's explanation only; a viewer none.
/// Units are ranked together whoever looks, so a leader sees each portfolio unit's place among all.
struct ScoreAccess: Sendable {
    /// The unit ids (as the scores name them) the user may see; nil for every unit.
    var units: Set<String>?

    /// True when the user may see the unit's score.
    func allows(_ unitID: String) -> Bool { units?.contains(unitID) ?? true }

    /// The access of the signed-in user to the plan's ranking; throws 403 for clerks and viewers.
    static func ranking(_ req: Request, planID: UUID) async throws -> ScoreAccess {
        try req.authorize(.readScores)
        let user = try req.currentUser()
        guard user.role == .leader else { return ScoreAccess(units: nil) }
        return ScoreAccess(units: try await portfolio(leaderID: user.leaderID, planID: planID, on: req.db))
    }

    /// Checks that the signed-in user may read one unit's explained score: the 督查室, the unit's own clerk, a
    /// leader whose portfolio holds it.
    static func authorize(_ req: Request, planID: UUID, unitID: UUID) async throws {
        let user = try req.currentUser()
        switch user.role {
        case .admin: return
        case .clerk where user.unitID == unitID: return
        case .leader:
            let units = try await portfolio(leaderID: user.leaderID, planID: planID, on: req.db)
            if units.contains(unitID.uuidString) { return }
        default: break
        }
        throw AuthorizationError.forbidden
    }

    /// The units holding tasks of the plan that the leader answers for.
    static func portfolio(leaderID: UUID?, planID: UUID, on database: any Database) async throws -> Set<String> {
        guard let leaderID else { return [] }
        let rows = try await database.requireSQL().raw(
            """
            SELECT DISTINCT a.unit_id FROM task_assignments a JOIN task_leaders l ON l.task_id = a.task_id \
            JOIN tasks t ON t.id = a.task_id WHERE l.leader_id = \(bind: leaderID) AND t.plan_id = \(bind: planID)
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "unit_id", as: UUID.self).uuidString })
    }
}
