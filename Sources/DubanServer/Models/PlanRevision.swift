import Fluent
import Foundation

/// A revised version of a plan's document, applied through the import wizard. The first version stays in
/// `PlanSource`; each revision keeps its own text and what was applied, so every version can be read again.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class PlanRevision: Model, @unchecked Sendable {
    static let schema = "plan_revisions"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    /// 1 for the first revision after the original.
    @Field(key: "number") var number: Int
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "text") var text: String
    /// What was applied, e.g. "新增 2 项，修改 5 项，撤销 1 项".
    @Field(key: "summary") var summary: String

    // relationships
    @Parent(key: "plan_id") var plan: Plan
    @OptionalParent(key: "created_by_id") var createdBy: User?

    init() {}

    init(id: UUID? = nil, planID: UUID, number: Int, source: PlanImporter.Source, summary: String, createdByID: UUID?) {
        self.id = id
        self.$plan.id = planID
        self.number = number
        self.fileName = source.fileName
        self.format = source.format
        self.encoding = source.encoding
        self.text = source.text
        self.summary = summary
        self.$createdBy.id = createdByID
    }
}
