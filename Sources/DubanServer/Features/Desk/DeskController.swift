import DubanCore
import Fluent
import Vapor

/// A unit's desk and the notification inbox. The desk belongs to the unit: its clerk and the 督查室 open it.
struct DeskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.unitDesk(.parameter).pathComponents, use: desk)
        routes.get(SiteURL.notifications.pathComponents, use: notifications)
        routes.post(SiteURL.notificationsRead.pathComponents, use: markRead)
    }

    /// The desk: tasks by light, due soon, returned, assisting, latest notifications.
    @Sendable func desk(req: Request) async throws -> View {
        let unitID = try req.requireID("unitID", orThrow: .unitNotFound)
        let user = try req.currentUser()
        guard let unit = try await Unit.find(unitID, on: req.db), unit.$government.id == user.governmentID else {
            throw PageError.unitNotFound
        }
        try req.authorize(
            .manageUnit, on: Ownership(governmentID: user.governmentID, unitIDs: [unitID]),
            hidden: PageError.unitNotFound)
        let today = req.clock.today()
        let board = try await DeskQuery.rows(unitID: unitID, today: today, on: req.db)
        let inbox = NotificationQuery.query(.unit(unitID), governmentID: user.governmentID, on: req.db)
        let chrome = try PageChrome(
            for: req, title: "\(unit.name) 工作台", section: user.unitID == unitID ? .desk : .units,
            breadcrumbs: user.unitID == unitID
                ? []
                : [
                    .init(label: "单位", href: SiteURL.units.path),
                    .init(label: unit.name, href: SiteURL.unit(unitID).path),
                    .init(label: "工作台", href: ""),
                ])
        var page = DeskPage(
            page: chrome, unitName: unit.name, unitHref: SiteURL.unit(unitID).path, today: today.chinese,
            tally: board.tally, returned: board.returned, dueSoon: board.dueSoon, rows: board.rows,
            assisting: board.assisting,
            notifications: try await NotificationQuery.latest(
                .unit(unitID), governmentID: user.governmentID, limit: 5, on: req.db),
            unread: try await inbox.filter(\.$readAt == nil).count(), notificationsHref: SiteURL.notifications.path,
            contactsHref: SiteURL.unit(unitID).path)
        page.findings = try await RoundQuery.outstanding(unitID: unitID, on: req.db).map {
            try FindingLine($0, today: today)
        }
        page.scores = try await ExportDownloads.reportingPlans(of: unitID, on: req.db).map { plan in
            LinkItem(
                label: "\(plan.title)考核得分",
                href: SiteURL.unitScore(plan: try plan.requireID(), unit: unitID, period: nil).path)
        }
        return try await req.view.render("reporting/desk", page)
    }

    /// The signed-in user's inbox, newest first.
    @Sendable func notifications(req: Request) async throws -> View {
        let user = try req.currentUser()
        var lines: [NotificationLine] = []
        if let inbox = NotificationQuery.inbox(of: user) {
            lines = try await NotificationQuery.latest(inbox, governmentID: user.governmentID, limit: 200, on: req.db)
        }
        let chrome = try PageChrome(for: req, title: "通知", section: .notifications)
        return try await req.view.render(
            "reporting/notifications",
            NotificationsPage(
                page: chrome, notifications: lines, unread: lines.filter(\.unread).count,
                readAction: SiteURL.notificationsRead.path))
    }

    /// Marks every notification of the inbox read.
    @Sendable func markRead(req: Request) async throws -> Response {
        try await NotificationQuery.markRead(for: try req.currentUser(), at: req.clock.now(), on: req.db)
        return req.redirect(to: SiteURL.notifications.path)
    }
}

/// The inbox page.
struct NotificationsPage: Encodable {
    var page: PageChrome
    var notifications: [NotificationLine]
    var unread: Int
    var readAction: String
}
