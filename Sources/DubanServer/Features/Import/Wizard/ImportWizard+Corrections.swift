import DubanCore
import Fluent
import Foundation

extension ImportWizard {
    /// A parsed task of a draft found by its reference, with its document's index.
    struct ParsedTask: Sendable {
        var documentIndex: Int
        var task: PlanTask
        /// Every heading path of the task's document, in order, for the section select.
        var sections: [[String]]
    }

    /// The parsed task a reference names.
    static func parsedTask(_ reference: String, in draft: ImportDraft) throws -> ParsedTask {
        let documents = parsedDocuments(of: draft).documents
        for (index, document) in documents.enumerated() {
            guard
                let task = document.tasks.first(where: {
                    TaskCorrection.reference(document: index, key: $0.key) == reference
                })
            else { continue }
            return ParsedTask(documentIndex: index, task: task, sections: sectionPaths(of: document))
        }
        throw ImportWizardError.taskNotFound
    }

    /// Every heading path of a document and each of its ancestors, in reading order: the choices of a task
    /// form's section select.
    static func sectionPaths(of document: PlanDocument) -> [[String]] {
        var seen = Set<[String]>()
        var sections: [[String]] = []
        for path in document.tasks.map(\.sections) {
            for depth in path.indices where seen.insert(Array(path[...depth])).inserted {
                sections.append(Array(path[...depth]))
            }
        }
        return sections
    }

    /// Saves (or, with nil, removes) the admin's correction of one parsed task. A correction that changes
    /// nothing is not kept, so the preview marks only real corrections.
    static func saveCorrection(
        _ correction: TaskCorrection?, reference: String, for draft: ImportDraft, on database: any Database
    ) async throws {
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let parsed = try parsedTask(reference, in: draft)
        var edits = draft.taskEdits
        if let correction, correction.differs(from: parsed.task) {
            edits[reference] = correction
        } else {
            edits[reference] = nil
        }
        draft.taskEdits = edits
        try await draft.save(on: database)
    }

    /// Saves which changes of a revision the admin refused: every listed change not in `accepted`.
    static func saveChangeChoices(
        accepted: Set<String>, changes: [TaskChange], for draft: ImportDraft, on database: any Database
    ) async throws {
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        var choices: [String: String] = [:]
        for change in changes where !accepted.contains(change.id) { choices[change.id] = ImportDraft.rejected }
        draft.changeChoices = choices
        try await draft.save(on: database)
    }
}

extension TaskCorrection {
    /// True when applying the correction changes the task.
    func differs(from task: PlanTask) -> Bool {
        var unchanged = TaskCorrection(task)
        unchanged.excluded = false
        return self != unchanged
    }
}
