import DubanCore
import Fluent
import Vapor

/// A unit's 督办联系人 (附表2): the form and its save. Registered with the readers; each handler asks the policy
/// for `.manageUnit` on the unit, so a clerk edits only its own unit's list and the 督查室 any unit's, and
/// another government's unit answers 404 as if it did not exist.
struct UnitContactController: RouteCollection {
    /// Registers the routes.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.unitContacts(.parameter).pathComponents, use: form)
        routes.post(SiteURL.unitContacts(.parameter).pathComponents, use: save)
    }

    /// The form, prefilled with the stored contacts. Someone who may see the contacts but not change them (a
    /// leader) is sent to the unit page's contacts panel; anyone else is refused as the unit page hides them.
    @Sendable func form(req: Request) async throws -> Response {
        let unitID = try req.requireID("unitID", orThrow: .unitNotFound)
        guard let unit = try await Unit.find(unitID, on: req.db) else { throw PageError.unitNotFound }
        let owned = Ownership(governmentID: unit.$government.id, unitIDs: [unitID])
        try req.authorize(.viewContacts, on: owned, hidden: PageError.unitNotFound)
        guard req.allows(.manageUnit, on: owned) else {
            return req.redirect(to: SiteURL.unitContactsPanel(unitID).path)
        }
        let managed = try await managedUnit(req)
        let entries = try await ContactBook.contacts(unitID: unitID, on: req.db)
        return try await render(req, unit: managed, form: ContactForm(entries: entries), error: nil).encodeResponse(
            for: req)
    }

    /// Saves all three roles and goes back to the unit page; a refused form comes back as typed (422), every
    /// message beside its field.
    @Sendable func save(req: Request) async throws -> Response {
        let unit = try await managedUnit(req)
        // An unreadable body is refused rather than read as an empty form, which would clear every role.
        guard let posted = try? req.content.decode([String: String].self) else { throw Abort(.badRequest) }
        let form = ContactForm(posted: posted)
        do {
            try await book(req).save(form, for: unit)
        } catch let error as ContactBookError {
            guard case .invalidFields = error else { throw error }
            return try await req.answer(render(req, unit: unit, form: form, error: error), status: error.status)
        }
        return req.redirect(to: SiteURL.unitContactsSaved(try unit.requireID()).path)
    }

    /// The unit in the path, once the policy lets the signed-in user manage it; a collective name has no
    /// contacts of its own.
    private func managedUnit(_ req: Request) async throws -> Unit {
        let unitID = try req.requireID("unitID", orThrow: .unitNotFound)
        guard let unit = try await Unit.find(unitID, on: req.db) else { throw PageError.unitNotFound }
        try req.authorize(
            .manageUnit, on: Ownership(governmentID: unit.$government.id, unitIDs: [unitID]),
            hidden: PageError.unitNotFound)
        if unit.isCollective { throw ContactBookError.collectiveUnit(unit.name) }
        return unit
    }

    private func book(_ req: Request) -> ContactBook {
        ContactBook(database: req.db, actor: req.auditActor, requestID: req.requestID, now: req.clock.now())
    }

    private func render(_ req: Request, unit: Unit, form: ContactForm, error: ContactBookError?) async throws -> View {
        let unitID = try unit.requireID()
        let chrome = try PageChrome(
            for: req, title: "\(unit.name) · 督办联系人", section: .units,
            breadcrumbs: [
                .init(label: "单位", href: SiteURL.units.path), .init(label: unit.name, href: SiteURL.unit(unitID).path),
                .init(label: "督办联系人", href: ""),
            ])
        let page = UnitContactsPage(
            page: chrome, unitName: unit.name, action: SiteURL.unitContacts(unitID).path,
            backHref: SiteURL.unit(unitID).path, error: error?.reason ?? "",
            roles: UnitContactsPage.fieldsets(form, error: error))
        return try await req.view.render("units/contacts", page)
    }
}
