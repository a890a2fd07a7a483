import DubanCore
import Fluent
import Vapor

/// The 督查室 confirms the higher tasks of a cascaded plan: the wizard's last step after publishing, and the
/// plan page's "对应上级任务" later. Registered behind `RequirePermission(.importPlans)`.
struct ParentLinkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planParents(.parameter).pathComponents, use: page)
        routes.post(SiteURL.planParents(.parameter).pathComponents, use: save)
    }

    /// The value of a row's select that says "no higher task".
    static let none = "none"
    /// The value that says "the higher task numbered in the next field".
    static let byNumber = "number"

    @Sendable func page(req: Request) async throws -> View {
        let plan = try await Self.plan(req)
        let planID = try plan.requireID()
        let (tasks, links, candidates) = try await Self.load(plan, on: req.db)
        var byID: [String: ParentMatcher.Candidate] = [:]
        for candidate in candidates { byID[candidate.id] = candidate }
        let labels = try await Self.candidateLabels(candidates, on: req.db)
        var tally: [TaskLink.State?: Int] = [:]
        let rows = try tasks.map { task in
            let taskID = try task.requireID()
            let link = links[taskID]
            tally[link?.state, default: 0] += 1
            let ranked = ParentMatcher.rank(
                quote: CascadeLinking.quote(of: task), ownText: task.text, among: candidates, limit: 5)
            var ids = ranked.map(\.id)
            let current = link?.$parent.id?.uuidString
            if let current, !ids.contains(current) { ids.insert(current, at: 0) }
            var options = ids.map { id in
                let score = ranked.first { $0.id == id }.map { "（相似度\(Int(($0.score * 100).rounded()))%）" } ?? ""
                return SelectOption(
                    value: id, label: (labels[id] ?? byID[id]?.text ?? id) + score,
                    selected: link?.state != TaskLink.State.none && current == id)
            }
            options.append(SelectOption(value: Self.none, label: "无上级任务", selected: link?.state == TaskLink.State.none))
            options.append(SelectOption(value: Self.byNumber, label: "按编号指定……"))
            if !options.contains(where: \.selected) { options[options.count - 2].selected = ids.isEmpty }
            let field = "link-\(taskID.uuidString.lowercased())"
            return ParentLinksPage.Row(
                field: field, anchor: field, number: task.number, text: task.text, quote: task.parentText ?? "",
                stateLabel: link?.state.label ?? "未对应", state: link?.state.rawValue ?? "unlinked", options: options,
                numberField: "number-\(taskID.uuidString.lowercased())")
        }
        let summary = [
            "\(tally[.confirmed] ?? 0) 项已确认", "\(tally[.suggested] ?? 0) 项待确认",
            "\(tally[TaskLink.State.none] ?? 0) 项无上级任务",
            "\(tally[nil] ?? 0) 项未对应",
        ].joined(separator: "，")
        let notice: String =
            switch try? req.query.get(String.self, at: "saved") {
            case "1": "已保存。下级单位的报告将在上级任务页面显示。"
            case "new": "方案已发布。下列任务与上级方案的任务相对应，请逐项核对后确认。"
            default: ""
            }
        let chrome = try PageChrome(
            for: req, title: "对应上级任务", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: plan.title, href: SiteURL.plan(planID).path),
                .init(label: "对应上级任务", href: ""),
            ])
        return try await req.view.render(
            "plans/parents",
            ParentLinksPage(
                page: chrome, planTitle: plan.title, planHref: SiteURL.plan(planID).path,
                action: SiteURL.planParents(planID).path, notice: notice, rows: rows, summary: summary,
                noCandidates: candidates.isEmpty))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let plan = try await Self.plan(req)
        let planID = try plan.requireID()
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let (tasks, _, candidates) = try await Self.load(plan, on: req.db)
        let known = Set(candidates.map(\.id))
        var decisions: [(taskID: UUID, parentID: UUID?)] = []
        var problems: [String] = []
        for task in tasks {
            let taskID = try task.requireID()
            let key = taskID.uuidString.lowercased()
            guard var value = form["link-\(key)"], !value.isEmpty else { continue }
            if value == Self.byNumber {
                let number = (form["number-\(key)"] ?? "").trimmingCharacters(in: .whitespaces)
                guard let match = candidates.first(where: { $0.number == number }) else {
                    problems.append("第 \(task.number) 项：上级方案中没有第“\(number)”项")
                    continue
                }
                value = match.id
            }
            let parentID: UUID?
            if value == Self.none {
                parentID = nil
            } else {
                guard known.contains(value), let id = UUID(uuidString: value) else { continue }
                parentID = id
            }
            decisions.append((taskID, parentID))
        }
        let confirmed = decisions.filter { $0.parentID != nil }.count
        let unlinked = decisions.count - confirmed
        let chosen = decisions
        try await req.db.writeTransaction { database in
            // The links as committed, with saves of the same plan taking turns: a double click read no link for a
            // task twice and created two (500 on the unique task).
            try await RowLock.take(Plan.schema, id: planID, on: database)
            var current: [UUID: TaskLink] = [:]
            for link in try await TaskLink.query(on: database).filter(\.$task.$id ~~ chosen.map(\.taskID)).all() {
                current[link.$task.id] = link
            }
            for (taskID, parentID) in chosen {
                let link = current[taskID] ?? TaskLink(taskID: taskID, parentTaskID: nil, state: .suggested, score: nil)
                if link.$parent.id != parentID { link.score = nil }
                link.$parent.id = parentID
                link.state = parentID == nil ? .none : .confirmed
                try await link.save(on: database)
            }
            try await AuditLog.record(
                .parentsConfirmed, by: req.auditActor, governmentID: plan.$government.id, entityType: "plan",
                entityID: planID, summary: "《\(plan.title)》确认上级任务 \(confirmed) 项，无上级任务 \(unlinked) 项",
                requestID: req.requestID, on: database)
        }
        guard problems.isEmpty else {
            throw Abort(.badRequest, reason: "部分任务没有保存：" + problems.joined(separator: "；") + "。其余已保存。")
        }
        return req.redirect(to: SiteURL.planParents(planID).path + "?saved=1")
    }

    /// The plan of the user's own government.
    private static func plan(_ req: Request) async throws -> Plan {
        let planID = try req.requireID("planID", orThrow: .planNotFound)
        guard let plan = try await Plan.find(planID, on: req.db),
            plan.$government.id == (try req.currentUser().governmentID)
        else { throw PageError.planNotFound }
        return plan
    }

    /// The plan's tasks that may localise a higher task, their links, and the higher tasks.
    private static func load(_ plan: Plan, on database: any Database) async throws
        -> ([TaskRecord], [UUID: TaskLink], [ParentMatcher.Candidate])
    {
        let planID = try plan.requireID()
        let all = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID).filter(\.$withdrawnAt == nil)
            .sort(\.$position).all()
        var links: [UUID: TaskLink] = [:]
        for link in try await TaskLink.query(on: database).filter(\.$task.$id ~~ all.compactMap(\.id)).all() {
            links[link.$task.id] = link
        }
        let isCascade = CascadeLinking.isCascade(title: plan.title)
        let tasks = all.filter { task in
            isCascade || task.kind == .cascaded || task.parentText != nil || task.id.map { links[$0] != nil } == true
        }
        return (tasks, links, try await CascadeLinking.candidates(for: plan, on: database))
    }

    /// "云州市 · 第12项 推动…" for each candidate.
    private static func candidateLabels(_ candidates: [ParentMatcher.Candidate], on database: any Database)
        async throws -> [String: String]
    {
        let ids = candidates.compactMap { UUID(uuidString: $0.id) }
        guard !ids.isEmpty else { return [:] }
        let tasks = try await TaskRecord.query(on: database).filter(\.$id ~~ ids).with(\.$plan).all()
        let governments = try await Government.query(on: database).all()
        var names: [UUID: String] = [:]
        for government in governments { names[try government.requireID()] = government.shortName }
        var labels: [String: String] = [:]
        for task in tasks {
            let text = task.text.count > 60 ? String(task.text.prefix(60)) + "…" : task.text
            labels[try task.requireID().uuidString] =
                "\(names[task.plan.$government.id] ?? "") · 第\(task.number)项 \(text)"
        }
        return labels
    }
}
