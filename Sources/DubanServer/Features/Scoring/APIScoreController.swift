import DubanCore
import Fluent
import Vapor

/// `GET /api/v1/plans/{id}/scores` and `…/scores/units/{unitId}`: the ranking and one unit's explained score,
/// with the pages' rules of who sees what. Registered behind `APIPermission(.read)`.
struct APIScoreController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", ":id", "scores", use: ranking)
        routes.get("plans", ":id", "scores", "units", ":unitId", use: unit)
    }

    /// `?period=2026-Q1|year`: every unit the caller may see, ranked.
    @Sendable func ranking(req: Request) async throws -> ScoresDTO {
        let plan = try await ScoreController.plan(req, id: try req.apiID(of: .plan))
        let access = try await ScoreAccess.ranking(req, planID: try plan.requireID())
        let (span, snapshot, ranked) = try await Self.scores(req, plan: plan)
        return try Self.dto(
            plan, span: span, snapshot: snapshot, units: ranked.filter { access.allows($0.score.unitID) })
    }

    /// One unit's score: its own clerk's, the 督查室's, a leader's whose portfolio holds it.
    @Sendable func unit(req: Request) async throws -> ScoresDTO {
        let plan = try await ScoreController.plan(req, id: try req.apiID(of: .plan))
        let unitID = try req.apiID("unitId", of: .unit)
        guard let unit = try await Unit.find(unitID, on: req.db), unit.$government.id == plan.$government.id else {
            throw APIError.notFound(.unit)
        }
        try await ScoreAccess.authorize(req, planID: try plan.requireID(), unitID: unitID)
        let (span, snapshot, ranked) = try await Self.scores(req, plan: plan)
        let own =
            ranked.first { $0.score.unitID == unitID.uuidString }
            ?? RankedScore(
                rank: nil,
                score: UnitScore(
                    unitID: unitID.uuidString, unitName: unit.name, periodLabel: span.label, included: false,
                    total: nil, deductions: 0, additions: 0, clip: nil, lines: []))
        return try Self.dto(plan, span: span, snapshot: snapshot, units: [own])
    }

    /// The span's published scores, else today's.
    private static func scores(_ req: Request, plan: Plan) async throws
        -> (Scores.Span, ScoreSnapshot?, [RankedScore])
    {
        let (span, reporting) = try await ScoreController.span(req, plan: plan)
        let snapshot = try await Scores.latest(planID: try plan.requireID(), key: span.key, on: req.db)
        if let snapshot { return (span, snapshot, ScoreEngine.rank(try snapshot.scores())) }
        let current = try await ScorePages.current(
            plan: plan, span: span, reporting: reporting, today: req.clock.today(), on: req.db)
        return (span, nil, current.ranked)
    }

    private static func dto(_ plan: Plan, span: Scores.Span, snapshot: ScoreSnapshot?, units: [RankedScore]) throws
        -> ScoresDTO
    {
        ScoresDTO(
            planId: try plan.requireID(), period: span.key, label: span.label, published: snapshot != nil,
            version: snapshot?.version, publishedAt: snapshot?.publishedAt, units: units.map(UnitScoreDTO.init))
    }
}
