import DubanCore
import Fluent
import Foundation

/// Who to call about a unit's reporting: its 经办人 (else its office head), with the number to dial — shown
/// beside the unit on the 督办 overview and on a task's reporting page, where the 督查室 picks up the phone.
enum ClerkContacts {
    /// A short contact line.
    struct Hint: Encodable, Sendable {
        /// "经办人 李娜".
        var text: String
        var phone: String
        var href: String
    }

    /// The hint of each unit that named someone, by unit id.
    static func load(unitIDs: Set<UUID>, on database: any Database) async throws -> [UUID: Hint] {
        guard !unitIDs.isEmpty else { return [:] }
        let preferred: [ContactRole] = [.clerk, .officeHead]
        var result: [UUID: (rank: Int, hint: Hint)] = [:]
        for chunk in Array(unitIDs).chunked(500) {
            for contact in try await UnitContact.query(on: database).filter(\.$unit.$id ~~ chunk)
                .filter(\.$role ~~ preferred).all()
            {
                let rank = preferred.firstIndex(of: contact.role) ?? 9
                guard rank < (result[contact.$unit.id]?.rank ?? 99) else { continue }
                let number = contact.mobile.isEmpty ? contact.officePhone : contact.mobile
                let label = contact.role.label
                let line = ContactLine.Phone(label: "", number: number)
                result[contact.$unit.id] = (
                    rank, Hint(text: "\(label) \(contact.name)", phone: number, href: line.href)
                )
            }
        }
        return result.mapValues(\.hint)
    }
}
