import DubanCore
import Fluent
import Foundation

/// An uploaded plan file waiting in the import wizard: the decoded text (parsed again whenever it is shown,
/// so the parser stays the one source of truth), the options chosen, and how each unknown unit name is to be
/// resolved. Publishing turns it into plans once; a published draft stays as a record of the upload.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class ImportDraft: Model, @unchecked Sendable {
    static let schema = "import_drafts"

    /// Where the draft is in the wizard.
    enum Status: String, Codable, Sendable {
        case draft
        case published
    }

    /// What "新建单位" is stored as in `unitChoices`.
    static let newUnit = "new"
    /// What a refused revision change is stored as in `changeChoices`; changes are accepted unless refused.
    static let rejected = "reject"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "file_name") var fileName: String
    /// "txt", "md", "docx" or "pdf", as recognised from the content.
    @Field(key: "format") var format: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "source_text") var sourceText: String
    /// The year the admin asked for; nil takes the document's own.
    @OptionalField(key: "year") var year: Int?
    @Field(key: "status") var status: Status
    /// JSON object: unit name as written → directory unit id, or `newUnit`.
    @Field(key: "unit_choices") var unitChoicesJSON: String
    /// JSON object: task reference (`TaskCorrection.reference`) → the admin's correction of that task.
    @Field(key: "task_edits") var taskEditsJSON: String
    /// JSON object: leader name as written → directory leader id, `newUnit`, or "as:" + another name of the
    /// draft.
    @Field(key: "leader_choices") var leaderChoicesJSON: String
    /// The published plan this upload revises; nil for a new plan.
    @OptionalField(key: "revises_plan_id") var revisesPlanID: UUID?
    /// JSON object: `TaskChange.id` → "accept" or "reject", for a revision.
    @Field(key: "change_choices") var changeChoicesJSON: String
    /// The first plan made on publishing, for the link back.
    @OptionalField(key: "published_plan_id") var publishedPlanID: UUID?
    /// JSON array of `HandTask`: tasks the admin added because the reader did not find them.
    @Field(key: "hand_tasks") var handTasksJSON: String
    /// JSON object: document index → `DraftDetails`, the title and 文号 the admin set.
    @Field(key: "details") var detailsJSON: String

    /// The parser's reading of `sourceText`, kept for the life of this instance (one request): the draft page,
    /// its unit and leader rows and a revision's changes all read it, and parsing once is enough. Not stored.
    var parsedText: [PlanDocument]?

    // relationships
    @Parent(key: "government_id") var government: Government
    @Parent(key: "created_by_id") var createdBy: User

    init() {}

    init(
        id: UUID? = nil, governmentID: UUID, createdByID: UUID, fileName: String, format: String, encoding: String,
        sourceText: String, year: Int?
    ) {
        self.id = id
        self.$government.id = governmentID
        self.$createdBy.id = createdByID
        self.fileName = fileName
        self.format = format
        self.encoding = encoding
        self.sourceText = sourceText
        self.year = year
        self.status = .draft
        self.unitChoicesJSON = "{}"
        self.taskEditsJSON = "{}"
        self.leaderChoicesJSON = "{}"
        self.changeChoicesJSON = "{}"
        self.handTasksJSON = "[]"
        self.detailsJSON = "{}"
    }

    /// The saved choices; an unreadable value counts as none made.
    var unitChoices: [String: String] {
        get { Self.decode(unitChoicesJSON) ?? [:] }
        set { unitChoicesJSON = Self.encode(newValue) }
    }

    /// The admin's leader choices.
    var leaderChoices: [String: String] {
        get { Self.decode(leaderChoicesJSON) ?? [:] }
        set { leaderChoicesJSON = Self.encode(newValue) }
    }

    /// The admin's corrections of parsed tasks.
    var taskEdits: [String: TaskCorrection] {
        get { Self.decode(taskEditsJSON) ?? [:] }
        set { taskEditsJSON = Self.encode(newValue) }
    }

    /// The admin's decisions on a revision's changes.
    var changeChoices: [String: String] {
        get { Self.decode(changeChoicesJSON) ?? [:] }
        set { changeChoicesJSON = Self.encode(newValue) }
    }

    /// The tasks added by hand, in the order added.
    var handTasks: [HandTask] {
        get { Self.decode(handTasksJSON) ?? [] }
        set { handTasksJSON = Self.encode(newValue) }
    }

    /// The plan's details as the admin set them.
    var details: [String: DraftDetails] {
        get { Self.decode(detailsJSON) ?? [:] }
        set { detailsJSON = Self.encode(newValue) }
    }

    private static func decode<Value: Decodable>(_ json: String) -> Value? {
        try? JSONDecoder().decode(Value.self, from: Data(json.utf8))
    }

    private static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
