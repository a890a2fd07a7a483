import DubanCore
import Fluent
import Foundation

/// A problem a round found with one unit's work on one task: what is wrong (问题), what must be done (整改要求)
/// and by when (整改时限). The unit answers with 整改 responses; the 督查室 closes (销号) or reopens it.
final class RoundFinding: Model, @unchecked Sendable {
    static let schema = "round_findings"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?

    // data
    @Field(key: "problem") var problem: String
    @Field(key: "requirement") var requirement: String
    /// The 整改时限 ("2026-05-10").
    @Field(key: "due_on") var dueOn: String
    @Field(key: "state") var state: FindingState
    /// The 督查室's last word: why it closed or reopened the finding.
    @Field(key: "review_comment") var reviewComment: String

    // relationships
    @Parent(key: "round_id") var round: SupervisionRound
    @Parent(key: "task_id") var task: TaskRecord
    @Parent(key: "unit_id") var unit: Unit
    @OptionalParent(key: "created_by_id") var createdBy: User?
    @Children(for: \.$finding) var responses: [FindingResponse]

    init() {}

    init(
        roundID: UUID, taskID: UUID, unitID: UUID, problem: String, requirement: String, dueOn: String,
        createdByID: UUID?, at now: Date
    ) {
        self.$round.id = roundID
        self.$task.id = taskID
        self.$unit.id = unitID
        self.problem = problem
        self.requirement = requirement
        self.dueOn = dueOn
        self.state = .open
        self.reviewComment = ""
        self.$createdBy.id = createdByID
        self.createdAt = now
    }

    /// The deadline as DubanCore measures it.
    var deadline: RectificationDeadline? {
        CalendarDay(dueOn).map { RectificationDeadline(due: $0, state: state) }
    }
}

/// A unit's 整改 response to a finding: what it did, with evidence. Kept for good; a reopened finding gets a
/// further response, never an edited one.
final class FindingResponse: Model, @unchecked Sendable {
    static let schema = "finding_responses"

    @ID(key: .id) var id: UUID?
    @Field(key: "text") var text: String
    @Field(key: "submitted_at") var submittedAt: Date
    /// The day filed, in the office's time zone.
    @Field(key: "submitted_on") var submittedOn: String
    /// Days after the 整改时限; 0 when in time.
    @Field(key: "days_late") var daysLate: Int

    @Parent(key: "finding_id") var finding: RoundFinding
    @Parent(key: "unit_id") var unit: Unit
    @OptionalParent(key: "submitted_by_id") var submittedBy: User?
    @Children(for: \.$response) var attachments: [FindingAttachment]

    init() {}

    init(
        findingID: UUID, unitID: UUID, text: String, submittedOn: String, daysLate: Int, submittedByID: UUID?,
        at now: Date
    ) {
        self.$finding.id = findingID
        self.$unit.id = unitID
        self.text = text
        self.submittedOn = submittedOn
        self.daysLate = daysLate
        self.$submittedBy.id = submittedByID
        self.submittedAt = now
    }
}

/// Evidence filed with a 整改 response; the bytes live once in `AttachmentBlob`, as a report's evidence does.
final class FindingAttachment: Model, @unchecked Sendable {
    static let schema = "finding_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "blob_id") var blobID: UUID

    @Parent(key: "response_id") var response: FindingResponse

    init() {}

    init(responseID: UUID, fileName: String, contentType: String, byteCount: Int, blobID: UUID) {
        self.$response.id = responseID
        self.fileName = fileName
        self.contentType = contentType
        self.byteCount = byteCount
        self.blobID = blobID
    }
}
