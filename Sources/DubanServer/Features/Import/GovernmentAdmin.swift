import DubanCore
import Fluent
import Vapor

/// What `duban government` does, apart from the terminal.
enum GovernmentAdmin {
    /// Adds a government unless one with the name exists, under `parent` (a government already there, by full or
    /// short name) when given — the tree a higher 督查室 reads down; returns the line to print.
    static func add(
        name: String, shortName: String, level: String, parent: String? = nil, config: AppConfig
    ) async throws -> String {
        try await AppRunner.withApplication(config: config) { app in
            try await app.autoMigrate()
            if try await Government.query(on: app.db).filter(\.$name == name).first() != nil {
                throw ImportCommandError.governmentExists(name)
            }
            var above: Government?
            if let parent { above = try await find(parent, on: app.db) }
            try await Government(name: name, shortName: shortName, level: level, parentID: try above?.requireID())
                .create(on: app.db)
            return "added government \(name) (\(shortName))" + (above.map { " under \($0.shortName)" } ?? "")
        }
    }

    /// One line per government.
    static func list(config: AppConfig) async throws -> String {
        try await AppRunner.withApplication(config: config) { app in
            try await app.autoMigrate()
            let governments = try await Government.query(on: app.db).sort(\.$name).all()
            guard !governments.isEmpty else { return "no government yet: add one with `duban government add`\n" }
            let names = Dictionary(
                uniqueKeysWithValues: governments.compactMap { government in
                    government.id.map { ($0, government.shortName) }
                })
            return governments.map { government in
                let above = government.$parent.id.flatMap { names[$0] }.map { "\tunder \($0)" } ?? ""
                return "\(government.shortName)\t\(government.name)\t\(government.level)\(above)\n"
            }.joined()
        }
    }

    /// The government named by its full or short name.
    static func find(_ name: String, on database: any Database) async throws -> Government {
        let governments = try await Government.query(on: database).all()
        guard let government = governments.first(where: { $0.name == name || $0.shortName == name }) else {
            throw ImportCommandError.unknownGovernment(name, known: governments.map(\.shortName))
        }
        return government
    }
}

/// Failures of the import and government commands, each one line for the terminal.
enum ImportCommandError: Error, CustomStringConvertible, Equatable {
    case governmentExists(String)
    case unknownGovernment(String, known: [String])
    case noPlan(String)
    case documentOutOfRange(Int, count: Int)
    /// The file went past what one import may read or create (tasks, plans, time).
    case overLimit(String, PlanParseError)

    var description: String {
        switch self {
        case .governmentExists(let name): "a government named \(name) already exists"
        case .unknownGovernment(let name, let known):
            known.isEmpty
                ? "no government \(name): add it first with `duban government add`"
                : "no government \(name); known: \(known.joined(separator: ", "))"
        case .noPlan(let file): "no task found in \(file): it does not look like a responsibility decomposition plan"
        case .documentOutOfRange(let index, let count):
            "--document \(index) is out of range: the file holds \(count) plan(s)"
        case .overLimit(let file, let limit): "cannot import \(file): \(limit.message)"
        }
    }
}
