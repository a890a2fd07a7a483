import Fluent
import Vapor

/// The leader list and each leader's tasks.
struct LeaderController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.leaders.pathComponents, use: leaders)
        routes.get(SiteURL.leader(.parameter).pathComponents, use: leader)
    }

    /// Every leader of the government with their portfolio and task count.
    @Sendable func leaders(req: Request) async throws -> View {
        let user = try req.currentUser()
        let rows = try await LeaderQuery.rows(governmentID: user.governmentID, on: req.db)
        let chrome = try PageChrome(for: req, title: "责任领导", section: .leaders)
        return try await req.view.render("leaders/index", LeaderListPage(page: chrome, leaders: rows))
    }

    /// One leader's board and tasks grouped by plan; for the leader themself, their home, with their
    /// notifications.
    @Sendable func leader(req: Request) async throws -> View {
        let leaderID = try req.requireID("leaderID", orThrow: .leaderNotFound)
        let user = try req.currentUser()
        guard
            var detail = try await LeaderQuery.detail(leaderID: leaderID, governmentID: user.governmentID, on: req.db)
        else { throw PageError.leaderNotFound }
        let today = req.clock.today()
        let number = (try? req.query.get(Int.self, at: "page")) ?? 1
        var (board, lights) = try await LeaderBoard.load(
            taskIDs: detail.taskIDs, page: number, today: today, on: req.db
        ) { SiteURL.leaderPage(leaderID, page: $0).path }
        // The lines are in the order of `taskIDs`, plan after plan.
        var ids = detail.taskIDs.makeIterator()
        for plan in detail.plans.indices {
            detail.plans[plan].tasks = detail.plans[plan].tasks.map { line in
                ids.next().map { lights.apply(to: line, id: $0) } ?? line
            }
        }
        let isOwn = user.role == .leader && user.leaderID == leaderID
        if isOwn {
            let inbox = NotificationQuery.Inbox.leader(leaderID)
            board.showsNotifications = true
            board.notifications = try await NotificationQuery.latest(
                inbox, governmentID: user.governmentID, limit: 5, on: req.db)
            board.unread = try await NotificationQuery.query(inbox, governmentID: user.governmentID, on: req.db)
                .filter(\.$readAt == nil).count()
        }
        let chrome = try PageChrome(
            for: req, title: detail.name, section: .leaders,
            breadcrumbs: isOwn
                ? [] : [.init(label: "领导", href: SiteURL.leaders.path), .init(label: detail.name, href: "")])
        return try await req.view.render(
            "leaders/show", LeaderPage(page: chrome, leader: detail, board: board, isOwn: isOwn))
    }
}
