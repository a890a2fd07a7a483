import DubanCore
import Fluent
import Foundation

/// Fills a database with the demo district: its directory, last year's and this year's generated plans, the
/// bundled document read through the real parser — every plan stored by `PlanImporter` — the demo accounts, a
/// few units' 督办联系人, this year's reporting, 督查 rounds, bulletins and published scores, in one transaction, so a database holds the whole demo or none of it
/// and a second run finds it complete.
struct DemoGenerator {
    /// What the database holds once the demo is there.
    struct Summary: Sendable, Equatable {
        /// False when the demo was already there and nothing was written.
        var created: Bool
        var plans: Int
        var tasks: Int
        var units: Int
        var leaders: Int
        var accounts: Int
    }

    let database: any Database
    /// Hashes the demo accounts' password (`Application.passwordHasher`; a cheap one in tests).
    let hasher: PasswordHashing
    /// The demo's "today": this year's reports are filed up to it (the command passes the application clock's).
    var today: CalendarDay = AppClock.system.today()

    /// Creates the demo unless the database already holds it; refuses a database holding other data.
    func populate() async throws -> Summary {
        if let existing = try await Government.query(on: database)
            .filter(\.$name == DemoDirectory.governmentName).first()
        {
            let governmentID = try existing.requireID()
            try await DemoAccounts.ensure(governmentID: governmentID, database: database, hasher: hasher)
            return try await summary(of: governmentID, created: false)
        }
        guard try await Government.query(on: database).count() == 0 else { throw DemoError.databaseHoldsOtherData }
        let bundled = try BundledDemoPlan.load()
        let generated = [DemoContent.lastYear, DemoContent.thisYear].map { blueprint in
            var builder = DemoPlanBuilder(seed: UInt64(blueprint.year))
            return (blueprint, builder.build(blueprint))
        }
        let hasher = hasher
        let today = today
        let governmentID = try await database.writeTransaction { database in
            // The city first, so each district's cascade is matched with its plan on import.
            let city = try await DemoCascade.seedCity(year: DemoContent.thisYearNumber, on: database)
            let governmentID = try await DemoDirectorySeeder.seed(parentID: city.governmentID, on: database)
            let importer = PlanImporter(database: database)
            // Oldest first: the plan list shows the newest plan of a year on top.
            let (lastYear, lastYearOutput) = generated[0]
            let lastYearPlan = try await importer.importPlan(
                lastYearOutput.document, governmentID: governmentID, year: lastYear.year,
                source: Self.source(of: lastYear, output: lastYearOutput))
            let bundledPlan = try await importer.importPlan(
                bundled.document, governmentID: governmentID, year: DemoContent.thisYearNumber,
                source: bundled.source)
            let (thisYear, thisYearOutput) = generated[1]
            let thisYearPlan = try await importer.importPlan(
                thisYearOutput.document, governmentID: governmentID, year: thisYear.year,
                source: Self.source(of: thisYear, output: thisYearOutput))
            let district = try await DemoCascade.seedDistrict(
                cityID: city.governmentID, year: DemoContent.thisYearNumber, on: database)
            try await DemoCascade.confirmLinks(on: database)
            try await DemoAccounts.ensure(governmentID: governmentID, database: database, hasher: hasher)
            try await DemoContacts.seed(governmentID: governmentID, on: database)
            try await DemoReporting.seed(
                planID: try lastYearPlan.requireID(), today: today, closed: true, seed: 2025, on: database)
            try await DemoReporting.seed(
                planID: try bundledPlan.requireID(), today: today, seed: 2026_0320, on: database)
            try await DemoReporting.seed(
                planID: try thisYearPlan.requireID(), today: today, seed: 2026_0212, on: database)
            try await DemoReporting.seed(planID: city.planID, today: today, seed: 2026_0310, on: database)
            try await DemoReporting.seed(planID: district.planID, today: today, seed: 2026_0325, on: database)
            try await DemoSupervision.seed(
                planID: try thisYearPlan.requireID(), today: today, seed: 2026_0721, on: database)
            try await DemoReporting.remind(today: today, on: database)
            return governmentID
        }

        return try await summary(of: governmentID, created: true)
    }

    /// The generated document's text, kept as its source so task pages can quote their lines.
    private static func source(of blueprint: DemoPlanBlueprint, output: DemoPlanBuilder.Output) -> PlanImporter.Source {
        PlanImporter.Source(fileName: "\(blueprint.title).txt", format: "text", encoding: "UTF-8", text: output.text)
    }

    private func summary(of governmentID: UUID, created: Bool) async throws -> Summary {
        let planIDs = try await Plan.query(on: database).filter(\.$government.$id == governmentID).all(\.$id)
        let tasks = try await TaskRecord.query(on: database).filter(\.$plan.$id ~~ planIDs).count()
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID).count()
        let leaders = try await Leader.query(on: database).filter(\.$government.$id == governmentID).count()
        let accounts = try await User.query(on: database).filter(\.$government.$id == governmentID).count()
        return Summary(
            created: created, plans: planIDs.count, tasks: tasks, units: units, leaders: leaders, accounts: accounts)
    }
}
