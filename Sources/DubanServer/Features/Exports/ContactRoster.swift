import DubanCore
import DubanFormats
import Fluent
import Foundation

/// 附表2 督办工作人员名单: 责任人 | 姓名 | 职务 | 办公电话 | 手机, the rows 分管领导, 办公室或者综合协调处室负责人 and
/// 经办人 — for one unit, or for every unit of a plan (a unit that named nobody is listed with "未填报").
struct ContactRoster: Sendable {
    static let header = ["责任人", "姓名", "职务", "办公电话", "手机"]
    static let widths: [Double] = [26, 12, 20, 16, 16]
    static let planHeader = ["单位"] + header
    static let planWidths: [Double] = [22] + widths

    var sheet: XlsxWriter.Sheet
    var fileName: String

    /// The role as the form prints it.
    static func label(_ role: ContactRole) -> String {
        switch role {
        case .leaderInCharge: "分管领导"
        case .officeHead: "办公室或者综合协调处室负责人"
        case .clerk: "经办人"
        }
    }

    /// One unit's roster; `label` is the plan's number for the form.
    static func unit(_ unit: Unit, label: String, on database: any Database) async throws -> ContactRoster {
        let unitID = try unit.requireID()
        let contacts = try await self.contacts(unitIDs: [unitID], on: database)
        let rows = [header] + ContactRole.allCases.map { role in row(contacts[unitID]?[role], role: role) }
        return ContactRoster(
            sheet: XlsxWriter.Sheet(
                name: label, rows: rows, widths: widths, title: "\(unit.name)《政府工作报告》督办工作人员名单",
                freezesHeader: true, caption: label),
            fileName: FileDownload.safeName("\(unit.name)督办工作人员名单（\(label)）", fallback: "督办工作人员名单"))
    }

    /// Every unit with a duty on the plan, three rows each, its name merged over them.
    static func plan(_ plan: Plan, on database: any Database) async throws -> ContactRoster {
        let planID = try plan.requireID()
        let label = try await AnnexLabels.of(planID: planID, on: database).contacts
        var seen = Set<UUID>()
        let units = try await TaskDuty.load(.plan(planID), on: database).duties.flatMap(\.units)
            .filter { seen.insert($0.id).inserted }.sorted { $0.name < $1.name }
        let contacts = try await self.contacts(unitIDs: Set(units.map(\.id)), on: database)
        var rows = [planHeader]
        var merges: [XlsxWriter.Merge] = []
        for unit in units {
            let first = rows.count
            for role in ContactRole.allCases {
                rows.append([unit.name] + row(contacts[unit.id]?[role], role: role))
            }
            merges.append(.init(rows: first...(rows.count - 1), columns: 0...0))
        }
        let missing = units.filter { contacts[$0.id]?.isEmpty ?? true }.count
        return ContactRoster(
            sheet: XlsxWriter.Sheet(
                name: label, rows: rows, widths: planWidths, title: "\(plan.title)督办工作人员名单", merges: merges,
                freezesHeader: true, caption: label,
                notes: ["共\(units.count)个单位，\(missing)个单位尚未填报联系人。"]),
            fileName: FileDownload.safeName("\(plan.title)督办工作人员名单（\(label)）", fallback: "督办工作人员名单"))
    }

    private static func row(_ contact: UnitContact?, role: ContactRole) -> [String] {
        guard let contact else { return [label(role), "未填报", "", "", ""] }
        return [label(role), contact.name, contact.title, contact.officePhone, contact.mobile]
    }

    private static func contacts(unitIDs: Set<UUID>, on database: any Database) async throws
        -> [UUID: [ContactRole: UnitContact]]
    {
        guard !unitIDs.isEmpty else { return [:] }
        var result: [UUID: [ContactRole: UnitContact]] = [:]
        for contact in try await UnitContact.query(on: database).filter(\.$unit.$id ~~ unitIDs).all() {
            result[contact.$unit.id, default: [:]][contact.role] = contact
        }
        return result
    }
}
