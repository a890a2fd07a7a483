import ArgumentParser

/// `duban government add|list`: the governments whose plans this installation keeps.
struct GovernmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "government",
        abstract: "Add or list the governments (a city, its districts) this installation serves.",
        subcommands: [Add.self, List.self]
    )

    /// `duban government add NAME --short … --level …`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a government.")

        @Argument(help: "Full name, e.g. 青溪区人民政府.")
        var name: String

        @Option(help: "Short name shown in headings, e.g. 青溪区.")
        var short: String

        @Option(help: "省, 市 or 区 (县).")
        var level = "区"

        @Option(help: "The government above it, by full or short name, e.g. 云州市: its 督查室 then reads this one's plans.")
        var parent: String?

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard !name.isEmpty, !short.isEmpty else { throw ValidationError("name and --short must not be empty") }
        }

        func run() async throws {
            print(
                try await GovernmentAdmin.add(
                    name: name, shortName: short, level: level, parent: parent, config: database.resolve()))
        }
    }

    /// `duban government list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the governments.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            print(try await GovernmentAdmin.list(config: database.resolve()), terminator: "")
        }
    }
}
