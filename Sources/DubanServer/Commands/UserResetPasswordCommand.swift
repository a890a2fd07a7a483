import ArgumentParser
import class Vapor.Application

/// `duban user reset-password USERNAME`: sets a new password and signs the account out everywhere — the way
/// back in for a locked-out administrator.
struct UserResetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Set a new password for an account and sign it out on every device."
    )

    @Argument(help: "The account's username.")
    var username: String

    @Option(help: "The new password. Visible in the process list and shell history: prefer the prompt.")
    var password: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let password = try password ?? PasswordPrompt.read()
        let outcome = try await AppRunner.withApplication(config: database.resolve()) { app in
            try await app.autoMigrate()
            return try await execute(on: app, password: password)
        }
        try outcome.emit()
    }

    /// Resets the password on `app`'s database; what the command prints.
    func execute(on app: Application, password: String) async throws -> CommandOutcome {
        do {
            let accounts = UserAccounts(database: app.db, hasher: app.passwordHasher, actor: .commandLine)
            let user = try await accounts.find(username: username)
            try await accounts.resetPassword(of: user, to: password)
            return .success("reset the password of \(user.username); every session of the account is signed out\n")
        } catch {
            return try .failure(for: error)
        }
    }
}
