import DubanCore
import DubanFormats
import Vapor

/// A plan's 分解表 to download: XLSX (title, frozen header, widths) and CSV. Every role that reads the plan may
/// export it; registered with the readers.
struct PlanExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planExportXlsx(.parameter).pathComponents, use: xlsx)
        routes.get(SiteURL.planExportCsv(.parameter).pathComponents, use: csv)
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
