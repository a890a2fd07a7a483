import DubanCore
import DubanFormats
import Fluent
import Vapor

/// 绩效考核 pages: the plans with their published periods, a plan's ranking for a period or the year, one unit's
/// explained score, publishing, the scheme and the workbook. Registered for every signed-in role; each handler
/// asks `ScoreAccess` or the policy.
struct ScoreController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.scoresIndex.pathComponents, use: index)
        routes.get(SiteURL.scores(plan: .parameter, period: nil).pathComponents, use: ranking)
        routes.get(SiteURL.unitScore(plan: .parameter, unit: .parameter, period: nil).pathComponents, use: unit)
        routes.post(SiteURL.scoresPublish(.parameter).pathComponents, use: publish)
        routes.get(SiteURL.scoringScheme(.parameter).pathComponents, use: scheme)
        routes.post(SiteURL.scoringScheme(.parameter).pathComponents, use: saveScheme)
        routes.get(SiteURL.scoresXlsx(plan: .parameter, period: nil).pathComponents, use: workbook)
    }

    static let notices = [
        "published": "得分已发布并冻结，各单位已收到得分通知。此后的报送和整改变化会在下方列为差异，不改写已发布的得分。",
        "saved": "考核办法已保存，此后计算和发布的得分按新办法计。已发布的得分不变。",
    ]

    /// The plans in force, each with its periods and whether they are published.
    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.readScores)
        return try await req.view.render("scores/index", try await ScoreIndexPage.make(req))
    }

    /// `?period=2026-Q1|year`: the ranking, published or as of today.
    @Sendable func ranking(req: Request) async throws -> View {
        let plan = try await Self.plan(req)
        let access = try await ScoreAccess.ranking(req, planID: try plan.requireID())
        let (span, reporting) = try await Self.span(req, plan: plan)
        let page = try await ScorePages.ranking(
            plan: plan, span: span, reporting: reporting, access: access, req: req,
            notice: req.notice(from: Self.notices))
        return try await req.view.render("scores/ranking", page)
    }

    /// One unit's explained score.
    @Sendable func unit(req: Request) async throws -> View {
        let plan = try await Self.plan(req)
        let unitID = try req.requireID("unitID", orThrow: .unitNotFound)
        guard let unit = try await Unit.find(unitID, on: req.db), unit.$government.id == plan.$government.id else {
            throw PageError.unitNotFound
        }
        try await ScoreAccess.authorize(req, planID: try plan.requireID(), unitID: unitID)
        let (span, reporting) = try await Self.span(req, plan: plan)
        let page = try await ScorePages.unit(
            plan: plan, unitID: unitID, unitName: unit.name, span: span, reporting: reporting, req: req)
        return try await req.view.render("scores/unit", page)
    }

    /// Publishes the span's scores as of now: a new frozen version.
    @Sendable func publish(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let plan = try await Self.plan(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let reporting = try await PlanReporting.load(plan, on: req.db)
        let today = req.clock.today()
        let span = Scores.span(form["period"], reporting: reporting, today: today)
        let computed = try await ScorePages.current(
            plan: plan, span: span, reporting: reporting, today: today, on: req.db)
        _ = try await Scores.publish(computed.ranked, span: span, plan: plan, by: try req.filer(), on: req.db)
        return req.redirect(
            to: SiteURL.scoresAfter(plan: try plan.requireID(), period: span.key, done: "published").path)
    }

    /// The scheme as sentences for everyone who reads the plan, with the form for the 督查室.
    @Sendable func scheme(req: Request) async throws -> View {
        let plan = try await Self.plan(req)
        let page = try await SchemePage.make(
            plan: plan, req: req, notice: req.notice(from: Self.notices), error: "", typed: [:])
        return try await req.view.render("scores/scheme", page)
    }

    /// Saves the scheme; a form that does not read or hold together comes back as typed (422).
    @Sendable func saveScheme(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let plan = try await Self.plan(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let reporting = try await PlanReporting.load(plan, on: req.db)
        let message: String
        do {
            let scheme = try SchemeForm.scheme(from: form)
            try await Scores.save(
                scheme, for: plan, cycle: reporting.rules.cycle, actor: req.auditActor, requestID: req.requestID,
                at: req.clock.now(), on: req.db)
            return req.redirect(to: SiteURL.scoringSchemeAfter(try plan.requireID(), "saved").path)
        } catch let error as SchemeForm.Unreadable {
            message = error.message
        } catch let error as ScoringSchemeError {
            message = error.message
        }
        let page = try await SchemePage.make(plan: plan, req: req, notice: "", error: message, typed: form)
        return try await req.answer(req.view.render("scores/scheme", page), status: .unprocessableEntity)
    }

    /// The ranking and every line as a workbook, for the units the user may see.
    @Sendable func workbook(req: Request) async throws -> Response {
        try await Self.workbook(req, plan: try await Self.plan(req))
    }

    /// The plan's ranking and lines as a workbook download, for the units the user may see.
    static func workbook(_ req: Request, plan: Plan) async throws -> Response {
        let access = try await ScoreAccess.ranking(req, planID: try plan.requireID())
        let (span, reporting) = try await span(req, plan: plan)
        let book = try await ScoreWorkbook.make(plan: plan, span: span, reporting: reporting, access: access, req: req)
        return FileDownload.response(
            book.data, contentType: FileDownload.xlsx, fileName: book.fileName, asciiName: "scores.xlsx")
    }

    /// The plan in the path, in force and of the user's government.
    static func plan(_ req: Request) async throws -> Plan {
        try await plan(req, id: try req.requireID("planID", orThrow: .planNotFound))
    }

    /// The plan `planID`, in force and of the user's government.
    static func plan(_ req: Request, id planID: UUID) async throws -> Plan {
        guard
            let plan = try await Plan.query(on: req.db).filter(\.$id == planID)
                .filter(\.$government.$id == (try req.currentUser().governmentID)).filter(\.$withdrawnAt == nil)
                .first()
        else { throw PageError.planNotFound }
        return plan
    }

    /// The span `?period=` names (by default the latest period already due), with the plan's reporting, which
    /// the pages go on to use: read once per request.
    static func span(_ req: Request, plan: Plan) async throws -> (Scores.Span, PlanReporting) {
        let reporting = try await PlanReporting.load(plan, on: req.db)
        let key = try? req.query.get(String.self, at: "period")
        return (Scores.span(key, reporting: reporting, today: req.clock.today()), reporting)
    }
}
