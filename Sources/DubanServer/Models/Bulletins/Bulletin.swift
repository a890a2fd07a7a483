import Fluent
import Foundation

/// A 督查通报: drafted from a period's or a round's data, edited block by block, then issued as an official
/// document. An issued bulletin is never changed again; it keeps the Word file sent out and the numbers it was
/// built from, so what was announced can be read exactly as it was.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class Bulletin: Model, @unchecked Sendable {
    static let schema = "bulletins"

    /// Where a bulletin stands.
    enum State: String, Codable, Sendable {
        case draft
        case issued
    }

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "issued_at") var issuedAt: Date?

    // data
    @Field(key: "state") var state: State
    /// The 期号: "2026年第3期" is year 2026, number 3.
    @Field(key: "issue_year") var issueYear: Int
    @Field(key: "issue_number") var issueNumber: Int
    @Field(key: "title") var title: String
    /// The issuing office, e.g. "青溪区人民政府督查室".
    @Field(key: "organ") var organ: String
    /// The 成文日期 ("2026-10-25").
    @Field(key: "signed_on") var signedOn: String
    /// The reporting period it reports on ("2026-Q3"); praise in it counts in that period's scores.
    @Field(key: "period") var period: String
    /// JSON of `BulletinContent`: the blocks as edited.
    @Field(key: "content") var contentJSON: String
    /// JSON of `BulletinNumbers`: the data the blocks were last drafted or refreshed from.
    @Field(key: "numbers") var numbersJSON: String
    /// The Word file as issued; nil for a draft.
    @OptionalField(key: "document_blob_id") var documentBlobID: UUID?
    /// Who issued it, as the audit log names them.
    @OptionalField(key: "issued_by") var issuedBy: String?

    // relationships
    @Parent(key: "government_id") var government: Government
    @Parent(key: "plan_id") var plan: Plan
    /// The 督查 round it reports on, when drafted from one.
    @OptionalParent(key: "round_id") var round: SupervisionRound?
    @OptionalParent(key: "created_by_id") var createdBy: User?
    @Children(for: \.$bulletin) var mentions: [BulletinMention]

    init() {}

    init(
        governmentID: UUID, planID: UUID, roundID: UUID?, period: String, issueYear: Int, issueNumber: Int,
        title: String, organ: String, signedOn: String, content: String, numbers: String, createdByID: UUID?,
        at now: Date
    ) {
        self.$government.id = governmentID
        self.$plan.id = planID
        self.$round.id = roundID
        self.period = period
        self.issueYear = issueYear
        self.issueNumber = issueNumber
        self.title = title
        self.organ = organ
        self.signedOn = signedOn
        self.contentJSON = content
        self.numbersJSON = numbers
        self.$createdBy.id = createdByID
        self.state = .draft
        self.createdAt = now
        self.updatedAt = now
    }

    /// "2026年第3期".
    var issueLabel: String { "\(issueYear)年第\(issueNumber)期" }
}

/// A unit named in an issued bulletin on one task: praised (表扬), which the scores add for, or listed as
/// lagging. Written when the bulletin is issued, from the lines the 督查室 kept.
final class BulletinMention: Model, @unchecked Sendable {
    static let schema = "bulletin_mentions"

    /// Why the unit is named.
    enum Kind: String, Codable, Sendable {
        case praise
        case laggard
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind

    @Parent(key: "bulletin_id") var bulletin: Bulletin
    @Parent(key: "task_id") var task: TaskRecord
    @Parent(key: "unit_id") var unit: Unit

    init() {}

    init(bulletinID: UUID, kind: Kind, taskID: UUID, unitID: UUID) {
        self.$bulletin.id = bulletinID
        self.kind = kind
        self.$task.id = taskID
        self.$unit.id = unitID
    }
}
