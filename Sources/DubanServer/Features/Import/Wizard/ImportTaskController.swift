import DubanCore
import Fluent
import Vapor

/// Correcting one parsed task of an import draft: the form beside the source lines it was read from, saving,
/// and going back to the parser's reading. Routed by `ImportController`, behind the same permission.
struct ImportTaskController {
    /// The correction form; `?ref=` names the task (see `TaskCorrection.reference`).
    @Sendable func form(req: Request) async throws -> View {
        let draft = try await ImportController.findDraft(req)
        let reference = (try? req.query.get(String.self, at: "ref")) ?? ""
        return try await req.view.render("imports/task", try page(req, draft: draft, reference: reference, error: ""))
    }

    /// Saves the correction and goes back to the task's row; a refused form comes back with why, as typed.
    @Sendable func save(req: Request) async throws -> Response {
        let draft = try await ImportController.findDraft(req)
        let form = try req.content.decode(TaskCorrectionForm.self)
        let reference = (try? req.content.get(String.self, at: "ref")) ?? ""
        let parsed = try ImportWizard.parsedTask(reference, in: draft)
        do {
            var correction = try form.correction(sections: parsed.sections)
            // The kind as read is no correction: the draft's kind of plan may still change it.
            if correction.kind == parsed.task.kind { correction.kind = nil }
            try await ImportWizard.saveCorrection(correction, reference: reference, for: draft, on: req.db)
        } catch let error as TaskCorrectionError {
            var page = try page(req, draft: draft, reference: reference, error: error.message)
            page.number = form.number ?? ""
            page.text = form.text ?? ""
            return try await req.answer(req.view.render("imports/task", page), status: .unprocessableEntity)
        }
        return req.redirect(to: try savedPath(draft, parsed))
    }

    /// Drops the correction: the task is imported as parsed.
    @Sendable func reset(req: Request) async throws -> Response {
        let draft = try await ImportController.findDraft(req)
        let reference = (try? req.content.get(String.self, at: "ref")) ?? ""
        let parsed = try ImportWizard.parsedTask(reference, in: draft)
        try await ImportWizard.saveCorrection(nil, reference: reference, for: draft, on: req.db)
        return req.redirect(to: try savedPath(draft, parsed))
    }

    private func savedPath(_ draft: ImportDraft, _ parsed: ImportWizard.ParsedTask) throws -> String {
        let documents = ImportWizard.parsedDocuments(of: draft).documents
        let position = documents[parsed.documentIndex].tasks.firstIndex { $0.key == parsed.task.key } ?? 0
        return SiteURL.importTaskSaved(try draft.requireID(), "t-\(parsed.documentIndex)-\(position)").path
    }

    private func page(_ req: Request, draft: ImportDraft, reference: String, error: String) throws -> ImportTaskPage {
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let parsed = try ImportWizard.parsedTask(reference, in: draft)
        let edit = draft.taskEdits[reference]
        let correction = edit ?? TaskCorrection(parsed.task)
        let draftID = try draft.requireID()
        let chrome = try PageChrome(
            for: req, title: "修改任务 \(parsed.task.number)", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: "导入方案", href: SiteURL.importNew.path),
                .init(label: draft.fileName, href: SiteURL.importDraft(draftID).path),
                .init(label: "修改任务", href: ""),
            ])
        let lines = draft.sourceText.split(separator: "\n", omittingEmptySubsequences: false)
        let first = max(parsed.task.line - 2, 1)
        let last = min(parsed.task.line + 4, lines.count)
        return ImportTaskPage(
            page: chrome, heading: "修改任务 \(parsed.task.number)", isNew: false,
            action: SiteURL.importTask(draftID, reference).path,
            resetAction: SiteURL.importTaskReset(draftID).path, backHref: SiteURL.importDraft(draftID).path,
            reference: reference, line: 0, error: error, kind: (correction.kind ?? parsed.task.kind).label,
            kinds: TaskKind.allCases.map { kind in
                .init(value: kind.rawValue, label: kind.label, selected: kind == (correction.kind ?? parsed.task.kind))
            },
            number: correction.number,
            text: correction.text,
            sections: ImportTaskPage.sectionOptions(parsed.sections, selected: correction.sections),
            leaders: correction.leaders.joined(separator: "、"), roles: ImportTaskPage.roleFields(correction),
            deadline: correction.deadline ?? "", excluded: correction.excluded, edited: edit != nil,
            sourceLines: first <= last
                ? (first...last).map { .init(number: $0, text: String(lines[$0 - 1]), isTask: $0 == parsed.task.line) }
                : [])
    }
}
