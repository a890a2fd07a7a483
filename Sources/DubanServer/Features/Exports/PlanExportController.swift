import DubanCore
import DubanFormats
import Vapor

/// The tables to download: a plan's 分解表 as XLSX (title, frozen header, widths) and CSV, for every role that
/// reads the plan; a unit's 附表1 办理方案, for those who read the unit's reports. Registered with the readers.
struct PlanExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planExportXlsx(.parameter).pathComponents, use: xlsx)
        routes.get(SiteURL.planExportCsv(.parameter).pathComponents, use: csv)
        routes.get(SiteURL.unitWorkPlansXlsx(.parameter).pathComponents, use: unitWorkPlans)
    }

    /// 附表1 of a unit: its clerk's, and the 督查室's, leaders' and viewers' for any unit.
    @Sendable func unitWorkPlans(req: Request) async throws -> Response {
        let unitID = try req.requireID("unitID", orThrow: .unitNotFound)
        let governmentID = try req.currentUser().governmentID
        // Another government's unit is not there, whoever asks; then the policy decides on this one.
        guard let table = try await UnitWorkPlans.make(unitID: unitID, governmentID: governmentID, on: req.db) else {
            throw PageError.unitNotFound
        }
        try req.authorize(
            .readReports, on: Ownership(governmentID: governmentID, unitIDs: [unitID]), hidden: PageError.unitNotFound)
        let data = try XlsxWriter.data(sheets: [
            .init(
                name: "附表1", rows: table.rows, widths: UnitWorkPlans.widths, title: table.title,
                merges: table.merges, freezesHeader: true)
        ])
        return FileDownload.response(
            data, contentType: FileDownload.xlsx, fileName: table.fileName + ".xlsx", asciiName: "workplans.xlsx")
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        let breakdown = try await load(req)
        let data = try XlsxWriter.data(sheets: [
            .init(
                name: "分解表", rows: breakdown.rows, widths: PlanBreakdown.widths, title: breakdown.title,
                freezesHeader: true)
        ])
        return FileDownload.response(
            data, contentType: FileDownload.xlsx, fileName: breakdown.fileName + ".xlsx", asciiName: "breakdown.xlsx")
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let breakdown = try await load(req)
        return FileDownload.response(
            CsvWriter.data(rows: breakdown.rows), contentType: FileDownload.csv,
            fileName: breakdown.fileName + ".csv", asciiName: "breakdown.csv")
    }

    private func load(_ req: Request) async throws -> PlanBreakdown {
        let planID = try req.requireID("planID", orThrow: .planNotFound)
        guard
            let breakdown = try await PlanBreakdown.make(
                planID: planID, governmentID: try req.currentUser().governmentID, today: req.clock.today(),
                on: req.db)
        else { throw PageError.planNotFound }
        return breakdown
    }
}
