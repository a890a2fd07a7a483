import DubanCore
import Fluent
import Vapor

/// Adding a task by hand to an import draft: typed into the task form, or marked on one of the document's
/// lines (`?line=N`), which the reader then reads with the role lines below it to fill the form. The task
/// joins the draft as a `HandTask`; from there it is corrected or excluded like any other.
struct HandTaskController {
    /// The empty form, or the form filled from the marked line.
    @Sendable func form(req: Request) async throws -> View {
        let draft = try await ImportController.findDraft(req)
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let line = try? req.query.get(Int.self, at: "line")
        let number = String(nextNumber(in: draft))
        let lines = Self.sourceLines(of: draft)
        var task = PlanTask(key: "", number: number, kind: .task, sections: [], text: "", line: 0)
        if let line, lines.indices.contains(line - 1) {
            let marked = Array(lines[(line - 1)...].prefix(MarkedTaskLimits.lines))
            task = MarkedTask.read(marked, number: number) ?? task
        }
        let page = try page(req, draft: draft, correction: TaskCorrection(task), line: line, error: "")
        return try await req.view.render("imports/task", page)
    }

    /// Adds the task and goes back to the preview at its row; a refused form comes back with why, as typed.
    @Sendable func save(req: Request) async throws -> Response {
        let draft = try await ImportController.findDraft(req)
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let form = try req.content.decode(TaskCorrectionForm.self)
        let line = (try? req.content.get(Int.self, at: "line")).flatMap { $0 > 0 ? $0 : nil }
        let kind = form.kind.flatMap(TaskKind.init(rawValue:)) ?? .task
        let correction: TaskCorrection
        do {
            correction = try form.correction(sections: Self.sections(of: draft))
        } catch {
            var typed = TaskCorrection(
                PlanTask(key: "", number: form.number ?? "", kind: kind, sections: [], text: form.text ?? "", line: 0))
            typed.leaders = TaskCorrectionForm.splitNames(form.leaders ?? "")
            let page = try page(req, draft: draft, correction: typed, line: line, error: error.message)
            return try await req.answer(req.view.render("imports/task", page), status: .unprocessableEntity)
        }
        let id = (draft.handTasks.map(\.id).max() ?? 0) + 1
        var hand = draft.handTasks
        hand.append(HandTask(id: id, document: 0, line: line, kind: kind, correction: correction))
        draft.handTasks = hand
        try await draft.save(on: req.db)
        draft.parsedText = nil
        let tasks = ImportWizard.parsedDocuments(of: draft).documents.first?.tasks ?? []
        let position = tasks.firstIndex { $0.key == "\(HandTask.keyPrefix)\(id)" } ?? 0
        return req.redirect(to: SiteURL.importDraft(try draft.requireID()).path + "?saved=4#t-0-\(position)")
    }

    /// The number a new task gets: one more than the largest plain number of the first document.
    private func nextNumber(in draft: ImportDraft) -> Int {
        let numbers = (ImportWizard.parsedDocuments(of: draft).documents.first?.tasks ?? []).compactMap {
            Int($0.number)
        }
        return (numbers.max() ?? 0) + 1
    }

    static func sourceLines(of draft: ImportDraft) -> [String] {
        draft.sourceText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The heading paths of the first document, for the section select.
    static func sections(of draft: ImportDraft) -> [[String]] {
        ImportWizard.parsedDocuments(of: draft).documents.first.map(ImportWizard.sectionPaths(of:)) ?? []
    }

    private func page(_ req: Request, draft: ImportDraft, correction: TaskCorrection, line: Int?, error: String)
        throws -> ImportTaskPage
    {
        let draftID = try draft.requireID()
        let chrome = try PageChrome(
            for: req, title: "添加任务", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: "导入方案", href: SiteURL.importNew.path),
                .init(label: draft.fileName, href: SiteURL.importDraft(draftID).path),
                .init(label: "添加任务", href: ""),
            ])
        let lines = Self.sourceLines(of: draft)
        var sourceLines: [ImportTaskPage.SourceLine] = []
        if let line, lines.indices.contains(line - 1) {
            let last = min(line + MarkedTaskLimits.lines - 1, lines.count)
            sourceLines = (max(line - 2, 1)...last).map { .init(number: $0, text: lines[$0 - 1], isTask: $0 == line) }
        }
        let sections = Self.sections(of: draft)
        return ImportTaskPage(
            page: chrome, heading: "添加任务", isNew: true, action: SiteURL.importHandTask(draftID, line: nil).path,
            resetAction: "", backHref: SiteURL.importDraft(draftID).path, reference: "", line: line ?? 0,
            error: error, kind: TaskKind.task.label,
            kinds: TaskKind.allCases.filter { $0 != .cascaded }.map {
                .init(value: $0.rawValue, label: $0.label, selected: $0 == .task)
            },
            number: correction.number, text: correction.text,
            sections: ImportTaskPage.sectionOptions(sections, selected: correction.sections),
            leaders: correction.leaders.joined(separator: "、"), roles: ImportTaskPage.roleFields(correction),
            deadline: correction.deadline ?? "", excluded: false, edited: false, sourceLines: sourceLines)
    }
}

/// How many lines from a marked line are read as its task and shown beside the form.
enum MarkedTaskLimits {
    static let lines = 7
}

extension Error {
    /// The admin's message for a refused correction.
    fileprivate var message: String { (self as? TaskCorrectionError)?.message ?? "任务未能保存，请检查填写的内容。" }
}
