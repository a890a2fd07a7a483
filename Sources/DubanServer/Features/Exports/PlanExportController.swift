import DubanCore
import DubanFormats
import Vapor

/// The downloads of the plan and unit pages: a plan's 分解表 (XLSX and CSV), its 附表3 完成情况 and 附表2 名单
/// for all units; a unit's 附表1 办理方案, 附表3 and 附表2. Registered with the readers; `ExportDownloads` asks
/// the policy about each.
struct PlanExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planExportXlsx(.parameter).pathComponents) { req in
            try await ExportDownloads.breakdown(req, planID: try Self.plan(req), csv: false)
        }
        routes.get(SiteURL.planExportCsv(.parameter).pathComponents) { req in
            try await ExportDownloads.breakdown(req, planID: try Self.plan(req), csv: true)
        }
        routes.get(SiteURL.planProgressXlsx(.parameter, period: nil).pathComponents) { req in
            try await ExportDownloads.planProgress(req, planID: try Self.plan(req))
        }
        routes.get(SiteURL.planContactsXlsx(.parameter).pathComponents) { req in
            try await ExportDownloads.planContacts(req, planID: try Self.plan(req))
        }
        routes.get(SiteURL.unitWorkPlansXlsx(.parameter).pathComponents) { req in
            try await ExportDownloads.unitWorkPlans(req, unitID: try Self.unit(req))
        }
        routes.get(SiteURL.unitProgressXlsx(.parameter, plan: nil, period: nil).pathComponents) { req in
            try await ExportDownloads.unitProgress(req, unitID: try Self.unit(req))
        }
        routes.get(SiteURL.unitContactsXlsx(.parameter).pathComponents) { req in
            try await ExportDownloads.unitContacts(req, unitID: try Self.unit(req))
        }
    }

    private static func plan(_ req: Request) throws -> UUID {
        try req.requireID("planID", orThrow: .planNotFound)
    }

    private static func unit(_ req: Request) throws -> UUID {
        try req.requireID("unitID", orThrow: .unitNotFound)
    }
}
