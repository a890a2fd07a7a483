import ArgumentParser

/// The `duban` command line: reading plan documents, running the web application and measuring both.
public struct DubanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract:
            "Duban (督办): responsibility decomposition plans, from the official document to the supervision office.",
        subcommands: [
            ParseCommand.self, DemoCommand.self, ServeCommand.self, MigrateCommand.self, ImportCommand.self,
            GovernmentCommand.self, UserCommand.self, BenchCommand.self, TemplateCommand.self, CheckLightsCommand.self,
        ]
    )

    public init() {}
}

extension DubanCommand {
    /// Parses the process arguments and runs the chosen subcommand, awaiting async ones; the executable's entire
    /// body. (Calling `main()` from top-level code would pick the synchronous overload.)
    public static func runAsRoot() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
