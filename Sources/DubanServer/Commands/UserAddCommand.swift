import ArgumentParser
import class Vapor.Application

/// `duban user add USERNAME --name … --role …`: creates an account in a government.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account (the password is asked for without echo unless --password is given)."
    )

    @Argument(help: "Username: 3-32 lower-case letters, digits, '.', '_' or '-'.")
    var username: String

    @Option(help: "The person's name as pages show it, e.g. 张敏.")
    var name: String

    @Option(help: "admin (督查室), clerk (单位经办人), leader (领导) or viewer (查看).")
    var role: UserRole

    @Option(help: "The government, by full or short name (may be left out when there is only one).")
    var government: String?

    @Option(help: "The clerk's unit, by full name, abbreviation or alias (clerks only; required for them).")
    var unit: String?

    @Option(help: "The leader this account belongs to, by name (leader accounts only).")
    var leader: String?

    @Option(help: "The password. Visible in the process list and shell history: prefer the prompt.")
    var password: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if role == .clerk, unit == nil { throw ValidationError("a clerk needs --unit") }
        if role != .clerk, unit != nil { throw ValidationError("--unit is for clerks only") }
        if role != .leader, leader != nil { throw ValidationError("--leader is for leader accounts only") }
    }

    func run() async throws {
        let password = try password ?? PasswordPrompt.read()
        let outcome = try await AppRunner.withApplication(config: database.resolve()) { app in
            try await app.autoMigrate()
            return try await execute(on: app, password: password)
        }
        try outcome.emit()
    }

    /// Creates the account on `app`'s database; what the command prints.
    func execute(on app: Application, password: String) async throws -> CommandOutcome {
        do {
            let government = try await AccountLookup.government(self.government, on: app.db)
            let governmentID = try government.requireID()
            let new = UserAccounts.NewUser(
                username: username, displayName: name, password: password, role: role,
                unitID: try await AccountLookup.unit(unit, governmentID: governmentID, on: app.db),
                leaderID: try await AccountLookup.leader(leader, governmentID: governmentID, on: app.db))
            let accounts = UserAccounts(database: app.db, hasher: app.passwordHasher, actor: .commandLine)
            let user = try await accounts.create(new, governmentID: governmentID)
            return .success(
                "added user \(user.username) (\(user.displayName), \(role.rawValue)) to \(government.shortName)\n")
        } catch {
            return try .failure(for: error)
        }
    }
}
