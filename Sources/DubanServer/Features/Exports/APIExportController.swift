import Vapor

/// `GET /api/v1/plans/{id}/exports/…` and `/api/v1/units/{id}/exports/…`: the same downloads as the pages',
/// for scripts that file them upward. Registered behind `APIPermission(.read)`; `ExportDownloads` asks the
/// policy about each, as for the pages.
struct APIExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let plan = routes.grouped("plans", ":id", "exports")
        plan.get("breakdown.xlsx") { req in
            try await ExportDownloads.breakdown(req, planID: try req.apiID(of: .plan), csv: false)
        }
        plan.get("breakdown.csv") { req in
            try await ExportDownloads.breakdown(req, planID: try req.apiID(of: .plan), csv: true)
        }
        plan.get("progress.xlsx") { req in
            try await ExportDownloads.planProgress(req, planID: try req.apiID(of: .plan))
        }
        plan.get("contacts.xlsx") { req in
            try await ExportDownloads.planContacts(req, planID: try req.apiID(of: .plan))
        }
        plan.get("targets.xlsx") { req in
            try await TargetTableController.workbook(req, planID: try req.apiID(of: .plan))
        }
        plan.get("scores.xlsx") { req in
            try await ScoreController.workbook(
                req, plan: try await ScoreController.plan(req, id: try req.apiID(of: .plan)))
        }
        let unit = routes.grouped("units", ":id", "exports")
        unit.get("workplans.xlsx") { req in
            try await ExportDownloads.unitWorkPlans(req, unitID: try req.apiID(of: .unit))
        }
        unit.get("progress.xlsx") { req in
            try await ExportDownloads.unitProgress(req, unitID: try req.apiID(of: .unit))
        }
        unit.get("contacts.xlsx") { req in
            try await ExportDownloads.unitContacts(req, unitID: try req.apiID(of: .unit))
        }
    }
}
