import DubanCore
import Fluent
import Foundation

/// A progress report (完成情况, 附表3) of one unit on one task for one reporting period, in one version.
///
/// The reporting unit files the consolidated report; co-responsible and assisting units file contributions
/// that the reporting unit sees while writing. Nothing is overwritten: a revision after a return is a new
/// version, the old one marked superseded.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class ProgressReport: Model, @unchecked Sendable {
    static let schema = "progress_reports"

    /// A consolidated report or a co-unit's contribution to it.
    enum Kind: String, Codable, Sendable {
        case report
        case contribution
    }

    @ID(key: .id) var id: UUID?
    /// `ReportingPeriod` key, e.g. "2026-Q1", "2026-Y", "2026-M03".
    @Field(key: "period") var period: String
    @Field(key: "kind") var kind: Kind
    @Field(key: "version") var version: Int
    @Field(key: "status") var status: ReportStatus
    /// Why the task is behind, not started or cannot be finished; required for those.
    @Field(key: "reason") var reason: String
    @Field(key: "narrative") var narrative: String
    /// Contributions are `accepted` once the reporting unit used them.
    @Field(key: "state") var state: ReviewState
    /// The due day of the period ("2026-04-20"), as the rules said when filed.
    @Field(key: "due_on") var dueOn: String
    /// The day filed, in the office's time zone.
    @Field(key: "submitted_on") var submittedOn: String
    /// Days after the due day; 0 when on time.
    @Field(key: "days_late") var daysLate: Int
    @Field(key: "submitted_at") var submittedAt: Date
    @OptionalParent(key: "submitted_by_id") var submittedBy: User?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalParent(key: "reviewer_id") var reviewer: User?
    @Field(key: "review_comment") var reviewComment: String

    @Parent(key: "task_id") var task: TaskRecord
    @Parent(key: "unit_id") var unit: Unit
    @Children(for: \.$report) var actuals: [ReportActual]
    @Children(for: \.$report) var attachments: [ReportAttachment]
    /// What the checks found in this version.
    @Children(for: \.$report) var flags: [ReportFlag]

    init() {}

    init(
        id: UUID? = nil, taskID: UUID, unitID: UUID, period: String, kind: Kind, version: Int, status: ReportStatus,
        reason: String, narrative: String, dueOn: String, submittedOn: String, daysLate: Int, submittedAt: Date,
        submittedByID: UUID?
    ) {
        self.id = id
        self.$task.id = taskID
        self.$unit.id = unitID
        self.period = period
        self.kind = kind
        self.version = version
        self.status = status
        self.reason = reason
        self.narrative = narrative
        self.state = .submitted
        self.dueOn = dueOn
        self.submittedOn = submittedOn
        self.daysLate = daysLate
        self.submittedAt = submittedAt
        self.$submittedBy.id = submittedByID
        self.reviewComment = ""
    }
}

/// The actual figure a report gives for one quantified target of its task.
final class ReportActual: Model, @unchecked Sendable {
    static let schema = "report_actuals"

    @ID(key: .id) var id: UUID?
    @Field(key: "position") var position: Int
    /// What the target measures, as the task words it ("新增城镇就业").
    @Field(key: "label") var label: String
    @Field(key: "unit_of_measure") var unitOfMeasure: String
    @OptionalField(key: "target_value") var targetValue: Double?
    /// The figure reached so far; nil when the unit does not know it yet.
    @OptionalField(key: "actual_value") var actualValue: Double?
    /// Where the figure came from, when Duban can tell ("各下级同期报送合计：白沙区5个、青溪区6个").
    @OptionalField(key: "source") var source: String?

    @Parent(key: "report_id") var report: ProgressReport

    init() {}

    init(
        id: UUID? = nil, reportID: UUID, position: Int, label: String, unitOfMeasure: String, targetValue: Double?,
        actualValue: Double?
    ) {
        self.id = id
        self.$report.id = reportID
        self.position = position
        self.label = label
        self.unitOfMeasure = unitOfMeasure
        self.targetValue = targetValue
        self.actualValue = actualValue
    }
}

/// Evidence attached to a report. The bytes live once in `AttachmentBlob`; a new version of a report lists
/// the same blobs again rather than asking for the files twice.
final class ReportAttachment: Model, @unchecked Sendable {
    static let schema = "report_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "blob_id") var blobID: UUID

    @Parent(key: "report_id") var report: ProgressReport

    init() {}

    init(id: UUID? = nil, reportID: UUID, fileName: String, contentType: String, byteCount: Int, blobID: UUID) {
        self.id = id
        self.$report.id = reportID
        self.fileName = fileName
        self.contentType = contentType
        self.byteCount = byteCount
        self.blobID = blobID
    }
}

/// The bytes of an uploaded file, kept in the database so every replica serves them and backups hold them.
final class AttachmentBlob: Model, @unchecked Sendable {
    static let schema = "attachment_blobs"

    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, sha256: String, data: Data) {
        self.id = id
        self.sha256 = sha256
        self.data = data
    }
}
