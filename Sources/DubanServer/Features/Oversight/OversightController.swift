import DubanCore
import Fluent
import Vapor

/// The 督查室's overview and the manual 催办. Registered behind `RequirePermission(.superviseReporting)`.
struct OversightController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.oversight.pathComponents, use: overview)
        routes.post(SiteURL.oversightUrge.pathComponents, use: urge)
    }

    /// `?plan=<id>&light=problems|red|yellow|green|all&page=N`.
    @Sendable func overview(req: Request) async throws -> View {
        let planID = try? req.query.get(UUID.self, at: "plan")
        let light = (try? req.query.get(String.self, at: "light")) ?? "problems"
        let number = (try? req.query.get(Int.self, at: "page")) ?? 1
        return try await req.view.render(
            "reporting/oversight",
            try await page(req, planID: planID, light: light, number: number, notice: notice(req), error: ""))
    }

    /// Urges the units of the checked rows (`target[]` = "taskID:unitID") with an optional `message`.
    @Sendable func urge(req: Request) async throws -> Response {
        let form = (try? req.content.decode(UrgeForm.self)) ?? UrgeForm()
        let targets = Set(
            (form.target ?? []).compactMap { value -> Urging.Target? in
                let parts = value.split(separator: ":")
                guard parts.count == 2, let task = UUID(uuidString: String(parts[0])),
                    let unit = UUID(uuidString: String(parts[1]))
                else { return nil }
                return Urging.Target(taskID: task, unitID: unit)
            })
        let user = try req.currentUser()
        let planID = form.plan.flatMap(UUID.init(uuidString:))
        let light = form.light ?? "problems"
        let number = form.page.flatMap { Int($0) } ?? 1
        do {
            let count = try await Urging.urge(
                targets, message: form.message ?? "", governmentID: user.governmentID,
                by: try req.filer(), on: req.db)
            // Back to the same filtered list, so the next 催办 starts where this one did.
            return req.redirect(
                to: SiteURL.oversightWith([
                    ("plan", planID?.uuidString.lowercased() ?? ""), ("light", light), ("page", Self.pageValue(number)),
                    ("urged", String(count)),
                ]).path)
        } catch let failure as Urging.Failure {
            return try await req.answer(
                req.view.render(
                    "reporting/oversight",
                    try await page(
                        req, planID: planID, light: light, number: number, notice: "", error: failure.message)),
                status: .unprocessableEntity)
        }
    }

    /// A page number as the address carries it: none for the first page.
    private static func pageValue(_ number: Int) -> String { number > 1 ? String(number) : "" }

    private func notice(_ req: Request) -> String {
        guard let count = try? req.query.get(Int.self, at: "urged") else { return "" }
        guard count > 0 else { return "所选任务刚刚已经催办过，没有重复发出。" }
        return "已向 \(count) 个单位发出催办，单位的工作台和推送地址都会收到。"
    }

    private func page(
        _ req: Request, planID: UUID?, light: String, number: Int, notice: String, error: String
    ) async throws -> OversightPage {
        let user = try req.currentUser()
        let today = req.clock.today()
        let data = try await OversightQuery.page(
            governmentID: user.governmentID, filter: .init(planID: planID, light: light, page: number), today: today,
            on: req.db)
        let plan = planID?.uuidString.lowercased() ?? ""
        let pager = Pager(
            page: data.page, pageCount: data.pageCount,
            note: "，每页 \(OversightQuery.rowsPerPage) 项，最需要关注的在前"
        ) { SiteURL.oversightWith([("plan", plan), ("light", light), ("page", Self.pageValue($0))]).path }
        let chrome = try PageChrome(for: req, title: "督办", section: .oversight)
        let lights: [(String, String)] = [
            ("problems", "红灯和黄灯"), ("red", "红灯"), ("yellow", "黄灯"), ("green", "绿灯"), ("all", "全部"),
        ]
        var page = OversightPage(
            page: chrome, today: today.chinese, notice: notice, error: error, tally: data.tally,
            filterAction: SiteURL.oversight.path,
            plans: [.init(value: "", label: "全部方案", selected: planID == nil)]
                + data.plans.map { .init(value: $0.0.uuidString.lowercased(), label: $0.1, selected: $0.0 == planID) },
            lights: lights.map { .init(value: $0.0, label: $0.1, selected: $0.0 == light) }, rows: data.rows,
            rowTotal: data.rowTotal, pager: pager, chosenPage: data.page,
            units: Array(data.units.prefix(OversightQuery.unitsShown)), unitTotal: data.units.count,
            reviews: data.reviews, reviewTotal: data.reviewTotal,
            reviewsHref: SiteURL.reviewQueueWith([("plan", planID.map { $0.uuidString.lowercased() } ?? "")]).path,
            urgeAction: SiteURL.oversightUrge.path, chosenPlan: planID?.uuidString.lowercased() ?? "",
            chosenLight: light, csrf: req.csrfToken)
        page.findings = try await RoundQuery.tally(governmentID: user.governmentID, today: today, on: req.db)
        page.charts = data.charts
        return page
    }
}

/// The 催办 form, with the overview's filter it was sent from.
struct UrgeForm: Content {
    var target: [String]?
    var message: String?
    var plan: String?
    var light: String?
    var page: String?
}
