import ArgumentParser
import DubanCore
import class Vapor.Application

/// `duban check-lights`: proves the stored lights of every plan against its raw rows, as of today — what an
/// operator runs after restoring a backup or repairing rows by hand.
struct CheckLightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-lights",
        abstract: "Work out every plan's lights from its reports and compare them with the stored ones."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let outcome = try await AppRunner.withApplication(config: database.resolve()) { app in
            try await app.autoMigrate()
            return try await execute(on: app)
        }
        try outcome.emit()
    }

    /// Brings every plan up to today, then compares; a disagreement fails with each duty named.
    func execute(on app: Application) async throws -> CommandOutcome {
        try await DutyStateJob.run(today: app.clock.today(), on: app.db)
        let differences = try await DutyStateCheck.differences(on: app.db)
        let plans = try await DutyStateCheck.currentPlans(on: app.db)
        guard differences.isEmpty else {
            return CommandOutcome(
                exitCode: 1, standardOutput: differences.joined(separator: "\n") + "\n",
                standardError: "duban: \(differences.count) stored lights disagree with the reports\n")
        }
        return .success("stored lights agree with the reports (plans checked: \(plans))\n")
    }
}
