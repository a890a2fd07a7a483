import Fluent
import Vapor

/// The unit directory, each unit's page, and merging one unit into another.
struct UnitController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.units.pathComponents, use: units)
        routes.get(SiteURL.unit(.parameter).pathComponents, use: unit)
        routes.post(SiteURL.unitMerge(.parameter).pathComponents, use: merge)
    }

    /// The filter of the directory.
    struct DirectoryQuery: Content {
        var q: String?
    }

    /// The merge form: the id of the unit to fold into this one.
    struct MergeForm: Content {
        var source: String?
    }

    /// Units grouped by kind, optionally filtered by name or alias.
    @Sendable func units(req: Request) async throws -> View {
        let query = SearchText.clean(try req.query.decode(DirectoryQuery.self).q)
        let user = try req.currentUser()
        let listing = try await UnitDirectoryQuery.listing(governmentID: user.governmentID, query: query, on: req.db)
        let chrome = try PageChrome(for: req, title: "单位目录", section: .units)
        let page = UnitListPage(
            page: chrome, directory: listing, formAction: SiteURL.units.path,
            resetHref: SiteURL.units.path)
        return try await req.view.render("units/index", page)
    }

    /// One unit: its names, groups, tasks by role and — for those who may merge — the merge form.
    @Sendable func unit(req: Request) async throws -> View {
        let unitID = try req.requireID("unitID", orThrow: .unitNotFound)
        let user = try req.currentUser()
        let owned = Ownership(governmentID: user.governmentID, unitIDs: [unitID])
        let seesContacts = req.allows(.viewContacts, on: owned)
        guard
            let detail = try await UnitPageQuery.detail(
                unitID: unitID, governmentID: user.governmentID, withContacts: seesContacts, on: req.db)
        else { throw PageError.unitNotFound }
        let chrome = try PageChrome(
            for: req, title: detail.name, section: .units,
            breadcrumbs: [.init(label: "单位", href: SiteURL.units.path), .init(label: detail.name, href: "")])
        let notice = (try? req.query.get(Int.self, at: "merged")).map {
            "合并完成：已转入 \($0) 项任务分工，原单位的名称已记为本单位的别名。"
        }
        let contactsSaved = (try? req.query.get(String.self, at: "contacts")) == "saved"
        var page = UnitPage(
            page: chrome, unit: detail, notice: notice ?? (contactsSaved ? "督办联系人已保存。" : ""),
            isOwnUnit: user.unitID == unitID, canMerge: req.allows(.mergeUnits),
            mergeAction: SiteURL.unitMerge(unitID).path, showsContacts: !detail.isCollective && seesContacts,
            canEditContacts: !detail.isCollective && req.allows(.manageUnit, on: owned),
            contactsHref: SiteURL.unitContacts(unitID).path,
            workPlansHref: !detail.isCollective && req.allows(.readReports, on: owned)
                ? SiteURL.unitWorkPlansXlsx(unitID).path : "")
        if !detail.isCollective {
            if req.allows(.readReports, on: owned) {
                page.progressHref = SiteURL.unitProgressXlsx(unitID, plan: nil, period: nil).path
            }
            if seesContacts { page.contactsXlsxHref = SiteURL.unitContactsXlsx(unitID).path }
        }
        return try await req.view.render("units/show", page)
    }

    /// Folds the chosen unit into this one, then shows this unit with a notice.
    @Sendable func merge(req: Request) async throws -> Response {
        let targetID = try req.requireID("unitID", orThrow: .unitNotFound)
        try req.authorize(.mergeUnits)
        // An empty or unreadable form is the same mistake as choosing nothing.
        let form = try? req.content.decode(MergeForm.self)
        guard let sourceID = form?.source.flatMap({ UUID(uuidString: $0) }) else { throw UnitMergeError.sourceMissing }
        let governmentID = try req.currentUser().governmentID
        let outcome = try await UnitMerger(database: req.db, actor: req.auditActor, requestID: req.requestID)
            .merge(sourceID: sourceID, into: targetID, governmentID: governmentID)
        return req.redirect(to: SiteURL.unitAfterMerge(targetID, moved: outcome.movedAssignments).path)
    }
}
