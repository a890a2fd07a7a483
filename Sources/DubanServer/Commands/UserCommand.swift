import ArgumentParser

/// `duban user add|list|reset-password`: accounts from the server's command line — how the first
/// administrator is created, and how one locked out gets back in.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add or list accounts, or reset a password.",
        subcommands: [UserAddCommand.self, UserListCommand.self, UserResetPasswordCommand.self]
    )
}

extension UserRole: ExpressibleByArgument {}
