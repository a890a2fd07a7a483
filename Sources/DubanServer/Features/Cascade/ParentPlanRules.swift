import DubanCore
import Fluent
import Foundation

/// The higher plan a cascaded plan answers, with its reporting rules, so the district's 督查室 can take its due
/// dates from the city's, a few days earlier (`ReportingRules.derived`). The higher plan is the one most of the
/// plan's linked tasks point to; links still only suggested count too, since only dates are proposed and the
/// 督查室 confirms them by saving.
struct ParentPlanRules {
    var planTitle: String
    var government: String
    var reporting: PlanReporting

    /// The days earlier a district is offered when it has not chosen: enough to collect its units' reports.
    static let defaultDaysEarlier = 5

    static func load(forPlan planID: UUID, on database: any Database) async throws -> ParentPlanRules? {
        let taskIDs = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID).all(\.$id)
        guard !taskIDs.isEmpty else { return nil }
        let parentIDs = try await TaskLink.query(on: database).filter(\.$task.$id ~~ taskIDs)
            .filter(\.$state != .none).all(\.$parent.$id).compactMap { $0 }
        guard !parentIDs.isEmpty else { return nil }
        let parentPlans = try await TaskRecord.query(on: database).filter(\.$id ~~ Set(parentIDs)).all(\.$plan.$id)
        var counts: [UUID: Int] = [:]
        for id in parentPlans { counts[id, default: 0] += 1 }
        guard let best = counts.max(by: { ($0.value, $1.key.uuidString) < ($1.value, $0.key.uuidString) })?.key,
            let plan = try await Plan.query(on: database).filter(\.$id == best).with(\.$government).first()
        else { return nil }
        return ParentPlanRules(
            planTitle: plan.title, government: plan.government.shortName,
            reporting: try await PlanReporting.load(plan, on: database))
    }
}
