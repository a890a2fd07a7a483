import DubanCore
import Fluent
import Foundation

/// The demo's other levels: 云州市 above 青溪区 with its own 2026 plan, and a second district, 白沙区, whose
/// cascade of the city's plan sits beside 青溪区's. Both cascades are matched on import like any other and their
/// links confirmed, as each district's 督查室 would on the wizard's last page; every document is one we wrote,
/// shipped in the resources and read by the real parser.
enum DemoCascade {
    static let cityName = "云州市人民政府"
    static let cityShortName = "云州市"
    static let cityFile = "2026-yunzhou-city-report.txt"
    static let districtName = "白沙区人民政府"
    static let districtShortName = "白沙区"
    static let districtFile = "2026-baisha-city-report-tasks.txt"

    /// The city and its plan (its units and leaders come from the plan, as on a real first import).
    static func seedCity(year: Int, on database: any Database) async throws -> (governmentID: UUID, planID: UUID) {
        let city = Government(name: cityName, shortName: cityShortName, level: "市")
        try await city.create(on: database)
        let cityID = try city.requireID()
        let plan = try await importBundled(cityFile, governmentID: cityID, year: year, on: database)
        return (cityID, plan)
    }

    /// The second district under the city, with its cascade of the city's plan.
    static func seedDistrict(cityID: UUID, year: Int, on database: any Database) async throws -> (
        governmentID: UUID, planID: UUID
    ) {
        let district = Government(name: districtName, shortName: districtShortName, level: "区", parentID: cityID)
        try await district.create(on: database)
        let districtID = try district.requireID()
        let plan = try await importBundled(districtFile, governmentID: districtID, year: year, on: database)
        return (districtID, plan)
    }

    /// Confirms every suggested link, as the districts' 督查室 did.
    static func confirmLinks(on database: any Database) async throws {
        let links = try await TaskLink.query(on: database).filter(\.$state == .suggested).all()
        for link in links {
            link.state = .confirmed
            try await link.save(on: database)
        }
    }

    private static func importBundled(_ fileName: String, governmentID: UUID, year: Int, on database: any Database)
        async throws -> UUID
    {
        let bundled = try BundledDemoPlan.load(fileName)
        let plan = try await PlanImporter(database: database).importPlan(
            bundled.document, governmentID: governmentID, year: year, source: bundled.source)
        return try plan.requireID()
    }
}
