import DubanCore
import Foundation

/// A task an administrator added to a draft by hand — typed in, or marked on the document's lines — because
/// the reader did not find it. It joins the reader's tasks as if read (key "手工.N"), so it is shown,
/// corrected, excluded and published exactly like them.
struct HandTask: Codable, Sendable, Equatable {
    /// Unique in its draft; the task's key is "手工.\(id)".
    var id: Int
    /// The draft's document the task belongs to.
    var document: Int
    /// The source line it was marked on, when it was; it sorts among the reader's tasks by this line.
    var line: Int?
    var kind: TaskKind
    var correction: TaskCorrection

    /// The key prefix of hand tasks; the reader never makes keys that start with it.
    static let keyPrefix = "手工."

    var key: String { "\(Self.keyPrefix)\(id)" }

    /// The task as the draft's documents carry it.
    var task: PlanTask {
        let base = PlanTask(key: key, number: correction.number, kind: kind, sections: [], text: "", line: line ?? 0)
        return correction.applied(to: base)
    }
}

/// The plan details the admin set in the draft, over what the reader found; nil keeps the reader's.
struct DraftDetails: Codable, Sendable, Equatable {
    var title: String?
    var docNumber: String?
    /// The kind of plan, as the kind every task read from it takes ("livelihood" for a 民生实事 list); nil
    /// keeps each task's kind as read. Tasks added by hand keep their own.
    var kind: String?
}
