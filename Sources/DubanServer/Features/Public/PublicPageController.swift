import Crypto
import DubanCore
import Fluent
import Vapor

/// `/public/:token`: a plan's read-only progress page for anyone, without signing in, while the 督查室 publishes
/// it — limited per address, and cacheable (an ETag of the page, a short max-age) since it changes only when a
/// report is accepted. And the 督查室's switch that publishes or withdraws it.
struct PublicPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.publicPlan("").pathComponents, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let address = req.clientAddress
        guard await req.application.publicRateLimit.admit(address, at: req.clock.now()) else {
            throw Abort(.tooManyRequests, reason: "访问过于频繁，请一分钟后再试。")
        }
        guard let token = req.parameters.get("token"), !token.isEmpty, token.count <= 64,
            let plan = try await Plan.query(on: req.db).filter(\.$publicToken == token).filter(\.$withdrawnAt == nil)
                .first()
        else { throw Abort(.notFound, reason: "没有这个公开页面，可能已取消公开。") }
        var page = try await PublicPlanPage.make(plan, on: req.db)
        page.updated = req.clock.today().chinese
        let view = try await req.view.render("public/plan", page)
        let body = Data(buffer: view.data)
        let tag = "\"" + SHA256.hash(data: body).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        headers.replaceOrAdd(name: .eTag, value: tag)
        if req.headers.first(name: .ifNoneMatch) == tag {
            return Response(status: .notModified, headers: headers)
        }
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}

/// The 督查室's switch on the plan page: `publish=1` publishes the plan's public page, `publish=0` withdraws it.
struct PublicSharingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.planPublic(.parameter).pathComponents, use: set)
    }

    @Sendable func set(req: Request) async throws -> Response {
        let planID = try req.requireID("planID", orThrow: .planNotFound)
        guard let plan = try await Plan.find(planID, on: req.db),
            plan.$government.id == (try req.currentUser().governmentID), plan.withdrawnAt == nil
        else { throw PageError.planNotFound }
        let publish = (try? req.content.decode([String: String].self))?["publish"] == "1"
        try await PublicSharing.set(
            plan, published: publish, actor: req.auditActor, requestID: req.requestID, at: req.clock.now(), on: req.db)
        return req.redirect(to: SiteURL.plan(planID).path + "#public")
    }
}
