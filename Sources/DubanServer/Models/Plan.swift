import Fluent
import Foundation

/// A responsibility decomposition plan of one government and year.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "title") var title: String
    @Field(key: "year") var year: Int
    @OptionalField(key: "doc_number") var docNumber: String?
    @OptionalField(key: "issuer") var issuer: String?
    /// Signing date, ISO "yyyy-MM-dd".
    @OptionalField(key: "issued_on") var issuedOn: String?

    /// JSON of `ReportingRules`; nil until set, when the rules detected in the source (or the defaults) apply.
    @OptionalField(key: "reporting_rules") var reportingRulesJSON: String?

    /// When an administrator withdrew the plan; nil while it is in force. A withdrawn plan is archived: it
    /// asks for no report, counts nowhere, and can be restored.
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    /// Why it was withdrawn, as the administrator wrote it.
    @OptionalField(key: "withdrawal_reason") var withdrawalReason: String?
    /// JSON of the plan's `ScoringScheme`; nil for the standard scheme.
    @OptionalField(key: "scoring_scheme") var scoringSchemeJSON: String?
    /// The random part of the plan's public page address while the 督查室 publishes it; nil when it is not public.
    @OptionalField(key: "public_token") var publicToken: String?

    // relationships
    @Parent(key: "government_id") var government: Government
    @Children(for: \.$plan) var sections: [PlanSection]

    init() {}

    init(
        id: UUID? = nil, governmentID: UUID, title: String, year: Int, docNumber: String? = nil, issuer: String? = nil,
        issuedOn: String? = nil
    ) {
        self.id = id
        self.$government.id = governmentID
        self.title = title
        self.year = year
        self.docNumber = docNumber
        self.issuer = issuer
        self.issuedOn = issuedOn
    }
}

/// The document a plan was read from, kept whole so every task can show the lines it came from.
final class PlanSource: Model, @unchecked Sendable {
    static let schema = "plan_sources"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "text") var text: String

    // relationships
    @Parent(key: "plan_id") var plan: Plan

    init() {}

    init(id: UUID? = nil, planID: UUID, fileName: String, format: String, encoding: String, text: String) {
        self.id = id
        self.$plan.id = planID
        self.fileName = fileName
        self.format = format
        self.encoding = encoding
        self.text = text
    }
}

/// A heading of a plan (一、 / (一) / —— / a table title); sections form a tree.
final class PlanSection: Model, @unchecked Sendable {
    static let schema = "plan_sections"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// The heading as printed.
    @Field(key: "title") var title: String
    /// 1 for 一、, 2 for (一), 3 for ——.
    @Field(key: "level") var level: Int
    /// Order inside the plan.
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "plan_id") var plan: Plan
    @OptionalParent(key: "parent_id") var parent: PlanSection?

    init() {}

    init(id: UUID? = nil, planID: UUID, parentID: UUID?, title: String, level: Int, position: Int) {
        self.id = id
        self.$plan.id = planID
        self.$parent.id = parentID
        self.title = title
        self.level = level
        self.position = position
    }
}
