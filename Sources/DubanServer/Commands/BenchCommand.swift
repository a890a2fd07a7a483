import ArgumentParser

/// `duban bench …`: measurements that guard speed targets; kept out of the unit tests so timing noise never fails a build.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Duban's speed targets (run with a release build: swift run -c release duban bench …).",
        subcommands: [ParseBenchCommand.self, WebBenchCommand.self, HostileBenchCommand.self, SurgeBenchCommand.self]
    )
}
