import DubanCore
import Fluent
import Foundation

/// A unit's 督办工作人员名单 (附表2): the 分管领导, the head of its office or coordinating section, and its 经办人,
/// whom the 督查室 calls about the unit's tasks.
///
/// The form is saved whole — all three roles in one transaction with its audit entry — so the list is never
/// half updated and the log shows the list before and after as one change.
struct ContactBook {
    /// What the audit log keeps of a save: the whole list before and after.
    struct AuditState: Encodable, Sendable {
        var contacts: [ContactEntry]
    }

    let database: any Database
    /// Recorded in the audit log as the one who made the change.
    var actor: AuditActor = .system
    var requestID: String?
    var now = Date()

    /// The unit's contacts in `ContactRole` order; roles not filled in are left out.
    static func contacts(unitID: UUID, on database: any Database) async throws -> [ContactEntry] {
        let rows = try await UnitContact.query(on: database).filter(\.$unit.$id == unitID).all()
        return entries(of: rows)
    }

    /// Replaces the unit's contacts with the form's: a role left empty is removed, the others are created or
    /// updated. Throws `ContactBookError` with every refused field, saving nothing; returns false when the
    /// form changed nothing (and writes no audit entry).
    @discardableResult
    func save(_ form: ContactForm, for unit: Unit) async throws -> Bool {
        if unit.isCollective { throw ContactBookError.collectiveUnit(unit.name) }
        let after = try form.entries()
        let unitID = try unit.requireID()
        do {
            return try await database.writeTransaction { database in
                let rows = try await UnitContact.query(on: database).filter(\.$unit.$id == unitID).all()
                let before = Self.entries(of: rows)
                guard before != after else { return false }
                try await Self.apply(after, to: rows, unitID: unitID, on: database)
                try await AuditLog.record(
                    .contactsChanged, by: actor, governmentID: unit.$government.id, entityType: "unit",
                    entityID: unitID, summary: Self.summary(unit: unit.name, before: before, after: after),
                    before: AuditState(contacts: before), after: AuditState(contacts: after), requestID: requestID,
                    at: now, on: database)
                return true
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another save created a role's row between this one's read and its insert.
            throw ContactBookError.concurrentChange
        }
    }

    /// Rows as entries in role order; rows of a role this version does not know are left out.
    private static func entries(of rows: [UnitContact]) -> [ContactEntry] {
        let byRole = Dictionary(rows.compactMap(ContactEntry.init).map { ($0.role, $0) }) { first, _ in first }
        return ContactRole.allCases.compactMap { byRole[$0] }
    }

    /// Deletes, updates and creates rows so that they hold exactly `entries`.
    private static func apply(_ entries: [ContactEntry], to rows: [UnitContact], unitID: UUID, on db: any Database)
        async throws
    {
        for role in ContactRole.allCases {
            let row = rows.first { $0.role == role }
            let entry = entries.first { $0.role == role }
            switch (row, entry) {
            case (nil, nil):
                continue
            case (let row?, nil):
                try await row.delete(on: db)
            case (nil, let entry?):
                try await UnitContact(
                    unitID: unitID, role: role, name: entry.name, title: entry.title,
                    officePhone: entry.officePhone, mobile: entry.mobile
                ).create(on: db)
            case (let row?, let entry?):
                guard ContactEntry(row) != entry else { continue }
                row.name = entry.name
                row.title = entry.title
                row.officePhone = entry.officePhone
                row.mobile = entry.mobile
                try await row.update(on: db)
            }
        }
    }

    /// "修改“区财政局”的督办联系人：分管领导、经办人" — the roles whose entry changed.
    private static func summary(unit: String, before: [ContactEntry], after: [ContactEntry]) -> String {
        let changed = ContactRole.allCases.filter { role in
            before.first { $0.role == role } != after.first { $0.role == role }
        }
        return "修改“\(unit)”的督办联系人：" + changed.map(\.label).joined(separator: "、")
    }
}
