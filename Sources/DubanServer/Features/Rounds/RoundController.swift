import DubanCore
import Fluent
import Vapor

/// The 督查 rounds: the list, the form that starts one, a round's page with its findings, raising a finding and
/// closing the round. Registered for every signed-in role; reading asks the policy for `.readRounds`, changing
/// for `.superviseReporting`.
struct RoundController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.rounds.pathComponents, use: list)
        routes.post(SiteURL.rounds.pathComponents, use: start)
        routes.get(SiteURL.roundNew(plan: nil).pathComponents, use: newRound)
        routes.get(SiteURL.round(.parameter).pathComponents, use: show)
        routes.post(SiteURL.roundFindings(.parameter).pathComponents, use: raise)
        routes.post(SiteURL.roundClose(.parameter).pathComponents, use: close)
    }

    /// The sentences a `?done=` on the round page names.
    static let notices = [
        "started": "督查已开展。在下面登记发现的问题，承担任务的单位会收到整改通知。",
        "raised": "问题已登记，已通知责任单位按时限整改。",
        "closed": "督查已结束。已登记的问题仍按各自的整改时限跟踪，直至销号。",
    ]

    /// Every round of the government, newest first, with its findings' tally.
    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.readRounds)
        let page = try await RoundPages.list(req)
        return try await req.view.render("rounds/index", page)
    }

    /// The form to start a round on the plan chosen on the list (`?plan=`).
    @Sendable func newRound(req: Request) async throws -> View {
        try req.authorize(.superviseReporting)
        let planID = try? req.query.get(UUID.self, at: "plan")
        let page = try await RoundPages.form(req, planID: planID, typed: nil, error: "")
        return try await req.view.render("rounds/new", page)
    }

    /// Starts a round from the form; a refused form comes back as typed with the reason (422).
    @Sendable func start(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let form = (try? req.content.decode(RoundForm.self)) ?? RoundForm()
        let user = try req.currentUser()
        do {
            let round = try await Rounds.start(
                form.draft(), governmentID: user.governmentID, by: try req.filer(), on: req.db)
            return req.redirect(to: SiteURL.roundAfter(try round.requireID(), "started").path)
        } catch let error as RoundError where error.status == .unprocessableEntity || error == .planNotFound {
            let page = try await RoundPages.form(
                req, planID: form.plan.flatMap(UUID.init(uuidString:)), typed: form, error: error.reason)
            return try await req.answer(req.view.render("rounds/new", page), status: .unprocessableEntity)
        }
    }

    /// A round: what it covers, its findings and (for the 督查室, while it is open) the form to raise one.
    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.readRounds)
        let round = try await Self.round(req)
        let page = try await RoundPages.round(round, req: req, notice: req.notice(from: Self.notices), error: "")
        return try await req.view.render("rounds/show", page)
    }

    /// Raises a finding; a refused one shows the round page again with the form as typed (422).
    @Sendable func raise(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let round = try await Self.round(req)
        let form = (try? req.content.decode(FindingForm.self)) ?? FindingForm()
        do {
            _ = try await Findings.raise(form.draft(), in: round, by: try req.filer(), on: req.db)
            return req.redirect(to: SiteURL.roundAfter(try round.requireID(), "raised").path + "#findings")
        } catch let error as RoundError where error.status != .notFound {
            var page = try await RoundPages.round(round, req: req, notice: "", error: error.reason)
            page.keep(form)
            let status: HTTPResponseStatus = error.status == .conflict ? .conflict : .unprocessableEntity
            return try await req.answer(req.view.render("rounds/show", page), status: status)
        }
    }

    /// Ends the round: no more findings; those raised run on to 销号.
    @Sendable func close(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let round = try await Self.round(req)
        try await Rounds.close(round, by: try req.filer(), on: req.db)
        return req.redirect(to: SiteURL.roundAfter(try round.requireID(), "closed").path)
    }

    /// The round in the path, when it belongs to the signed-in user's government.
    static func round(_ req: Request) async throws -> SupervisionRound {
        guard let id = req.parameters.get("roundID", as: UUID.self),
            let round = try await SupervisionRound.query(on: req.db).filter(\.$id == id).with(\.$plan)
                .with(\.$section).first(),
            round.$government.id == (try req.currentUser().governmentID)
        else { throw RoundError.roundNotFound }
        return round
    }
}

/// The form that starts a round, as posted; everything text so a bad value comes back with a message.
struct RoundForm: Content {
    var kind: String?
    var title: String?
    var startsOn: String?
    var endsOn: String?
    var inspectors: String?
    var plan: String?
    var section: String?
    /// The units the round visits (`unit[]`); none for every unit of the scope.
    var unit: [String]?

    /// The draft the service checks.
    func draft() -> Rounds.Draft {
        Rounds.Draft(
            kind: kind.flatMap(SupervisionKind.init(rawValue:)) ?? .quarterly, title: title ?? "",
            startsOn: startsOn ?? "", endsOn: endsOn ?? "", inspectors: inspectors ?? "",
            planID: plan.flatMap(UUID.init(uuidString:)), sectionID: section.flatMap(UUID.init(uuidString:)),
            unitIDs: (unit ?? []).compactMap(UUID.init(uuidString:)))
    }
}

/// The form that raises a finding, as posted.
struct FindingForm: Content {
    var task: String?
    var unit: String?
    var problem: String?
    var requirement: String?
    var dueOn: String?

    /// The draft the service checks.
    func draft() -> Findings.Draft {
        Findings.Draft(
            taskID: task.flatMap(UUID.init(uuidString:)), unitID: unit.flatMap(UUID.init(uuidString:)),
            problem: problem ?? "", requirement: requirement ?? "", dueOn: dueOn ?? "")
    }
}
