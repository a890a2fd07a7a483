import DubanCore
import Fluent
import Foundation

/// What the checks found in one version of a report: copied wording, a status its figures contradict, evidence
/// filed for another task — with the evidence a person needs to judge it. Flags never stop a filing; the 督查室
/// dismisses one with a reason, and those still standing cost points under the scheme's quality rule.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class ReportFlag: Model, @unchecked Sendable {
    static let schema = "report_flags"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "dismissed_at") var dismissedAt: Date?

    // data
    @Field(key: "kind") var kind: QualityFlagKind
    /// "与本单位第一季度报告的文字相同92%".
    @Field(key: "evidence") var evidence: String
    /// How alike the texts are, for the text checks.
    @OptionalField(key: "similarity") var similarity: Double?
    /// Who dismissed it and why.
    @OptionalField(key: "dismissed_by") var dismissedBy: String?
    @OptionalField(key: "dismiss_reason") var dismissReason: String?

    // relationships
    @Parent(key: "report_id") var report: ProgressReport
    /// The report it was compared with.
    @OptionalParent(key: "related_report_id") var relatedReport: ProgressReport?

    init() {}

    init(_ flag: ReportQuality.Flag, reportID: UUID, at now: Date) {
        self.$report.id = reportID
        self.$relatedReport.id = flag.relatedReportID.flatMap(UUID.init(uuidString:))
        self.kind = flag.kind
        self.evidence = flag.evidence
        self.similarity = flag.similarity
        self.createdAt = now
    }
}
