import DubanCore
import Fluent
import Foundation

/// Brings a document's unit names to the directory's names before it is compared with a stored plan: the
/// stored plan names units as the directory does ("区科学技术和经济信息化局"), a document as its author wrote
/// them ("区科经局"). Without this every abbreviation would show up as a changed unit.
enum CanonicalUnits {
    /// The document with each unit the directory knows — by name, alias, a bracketed alias, or a choice the
    /// admin made in this draft (`choices`: name as written → unit id) — renamed to the directory's name.
    static func apply(
        to document: PlanDocument, governmentID: UUID, choices: [String: UUID] = [:], on database: any Database
    ) async throws -> PlanDocument {
        let matcher = try await UnitMatcher.load(governmentID: governmentID, on: database)
        func canonical(_ unit: UnitName) -> UnitName {
            var result = unit
            if let id = matcher.resolvedID(for: unit) ?? choices[unit.name], let name = matcher.name(of: id) {
                result.name = name
            }
            return result
        }
        var result = document
        for index in result.tasks.indices {
            var roles = result.tasks[index].roles
            roles.overallLeadUnits = unique(roles.overallLeadUnits.map(canonical))
            roles.leadUnits = unique(roles.leadUnits.map(canonical))
            roles.responsibleUnits = unique(roles.responsibleUnits.map(canonical))
            roles.assistingUnits = unique(roles.assistingUnits.map(canonical))
            result.tasks[index].roles = roles
        }
        return result
    }

    /// Two written names may stand for one unit; it is listed once, where it first appears.
    private static func unique(_ units: [UnitName]) -> [UnitName] {
        var seen = Set<String>()
        return units.filter { seen.insert($0.name).inserted }
    }
}
