import DubanCore
import Fluent
import Foundation

/// A period's 绩效考核 scores as published: every unit's score with all its lines and the scheme they were
/// scored by, frozen. Publishing again adds a new version; earlier ones stay, so what was announced on a day can
/// always be read again and later changes show as a difference, never as a rewritten history.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class ScoreSnapshot: Model, @unchecked Sendable {
    static let schema = "score_snapshots"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "published_at") var publishedAt: Date

    // data
    /// The period's key ("2026-Q1", "2026-Y") or `Scores.yearKey` for the year.
    @Field(key: "period") var period: String
    /// 1 for the first publication of the period, then 2, 3 …
    @Field(key: "version") var version: Int
    /// Who published it, as the audit log names them.
    @Field(key: "published_by") var publishedBy: String
    /// JSON of the `ScoringScheme` the scores were computed with.
    @Field(key: "scheme") var schemeJSON: String
    /// JSON of the `[UnitScore]`, ranked.
    @Field(key: "scores") var scoresJSON: String

    // relationships
    @Parent(key: "plan_id") var plan: Plan

    init() {}

    init(
        planID: UUID, period: String, version: Int, publishedBy: String, scheme: String, scores: String, at now: Date
    ) {
        self.$plan.id = planID
        self.period = period
        self.version = version
        self.publishedBy = publishedBy
        self.schemeJSON = scheme
        self.scoresJSON = scores
        self.publishedAt = now
    }

    /// The scores as published.
    func scores() throws -> [UnitScore] {
        try JSONDecoder().decode([UnitScore].self, from: Data(scoresJSON.utf8))
    }
}
