import DubanCore
import Fluent
import Foundation

/// One 督查 round on a plan: a 季度重点督查, a 年中集中督查, a 专项 or 暗访督查. Its scope is the plan, or one
/// section of it, optionally narrowed to some units; its findings are raised against tasks in that scope.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class SupervisionRound: Model, @unchecked Sendable {
    static let schema = "supervision_rounds"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    /// When the 督查室 closed the round; nil while findings may still be raised.
    @OptionalField(key: "closed_at") var closedAt: Date?

    // data
    @Field(key: "kind") var kind: SupervisionKind
    /// "2026年第一季度重点督查".
    @Field(key: "title") var title: String
    /// The first and last day of the round ("2026-04-01").
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    /// Who carries it out: "市政府督查室 王强、李敏；市发改委 陈晨".
    @Field(key: "inspectors") var inspectors: String
    /// The units it visits, as lower-case ids joined by ","; empty for every unit of the scope.
    @Field(key: "unit_ids") var unitIDs: String

    // relationships
    @Parent(key: "government_id") var government: Government
    @Parent(key: "plan_id") var plan: Plan
    /// The section it covers; nil for the whole plan.
    @OptionalParent(key: "section_id") var section: PlanSection?
    @OptionalParent(key: "created_by_id") var createdBy: User?
    @Children(for: \.$round) var findings: [RoundFinding]

    init() {}

    init(
        governmentID: UUID, planID: UUID, sectionID: UUID?, kind: SupervisionKind, title: String, startsOn: String,
        endsOn: String, inspectors: String, unitIDs: [UUID], createdByID: UUID?, at now: Date
    ) {
        self.$government.id = governmentID
        self.$plan.id = planID
        self.$section.id = sectionID
        self.kind = kind
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.inspectors = inspectors
        self.unitIDs = unitIDs.map { $0.uuidString.lowercased() }.joined(separator: ",")
        self.$createdBy.id = createdByID
        self.createdAt = now
    }

    /// The units the round is narrowed to; empty for all.
    var scopedUnitIDs: Set<UUID> {
        Set(unitIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) })
    }
}
