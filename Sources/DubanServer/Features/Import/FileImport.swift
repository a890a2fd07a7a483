import DubanCore
import DubanFormats
import Fluent
import Foundation
import Vapor

/// `duban import`, apart from the terminal: reads a plan file, checks every unit it names against the
/// government's directory, and imports it — or reports the unknown units and imports nothing.
struct FileImport {
    /// What the command was asked.
    struct Request: Sendable {
        var path: String
        var government: String
        var year: Int?
        /// 1-based index of the plan to import when the file holds several; nil imports all.
        var document: Int?
        var createUnits = false
    }

    let config: AppConfig
    /// Receives every line to print (progress included) as it happens.
    let output: @Sendable (String) -> Void

    /// Runs the import; throws a one-line error, or `FileImportRefusal` listing unknown units.
    func run(_ request: Request) async throws {
        let url = URL(fileURLWithPath: request.path)
        let decoded: DecodedDocument
        do {
            decoded = try DocumentReader.read(fileAt: url)
        } catch {
            throw FileImportRefusal(message: error.message)
        }
        let prepared = try DocumentImport.prepare(decoded, fileName: url.lastPathComponent, document: request.document)
        try await AppRunner.withApplication(config: config) { app in
            try await app.autoMigrate()
            let government = try await GovernmentAdmin.find(request.government, on: app.db)
            let governmentID = try government.requireID()
            let unknown = try await prepared.unknownUnits(governmentID: governmentID, on: app.db)
            if !unknown.isEmpty, !request.createUnits {
                throw FileImportRefusal(message: Self.report(unknown, government: government.shortName))
            }
            for document in prepared.documents {
                try await importOne(
                    document, governmentID: governmentID, year: request.year,
                    source: prepared.source, on: app.db)
            }
        }
    }

    private func importOne(
        _ document: PlanDocument, governmentID: UUID, year: Int?, source: PlanImporter.Source,
        on database: any Database
    ) async throws {
        output("importing 《\(document.title)》: \(document.tasks.count) tasks, \(document.warnings.count) warnings")
        let output = self.output
        var importer = PlanImporter(database: database, actor: .commandLine)
        importer.progress = { written, total in
            if total >= 200 { output("  tasks written: \(written)/\(total)") }
        }
        let plan = try await importer.importPlan(document, governmentID: governmentID, year: year, source: source)
        output("imported 《\(plan.title)》 (\(plan.year)) with \(document.tasks.count) tasks")
    }

    /// The unknown units, one per line, with what they probably mean.
    static func report(_ unknown: [(name: String, match: UnitMatch)], government: String) -> String {
        var lines = ["\(unknown.count) unit(s) are not in the directory of \(government):"]
        for (name, match) in unknown {
            if case .suggested(let candidates) = match {
                lines.append("  \(name) — did you mean \(candidates.map(\.name).joined(separator: " / "))?")
            } else {
                lines.append("  \(name) — no similar unit")
            }
        }
        lines.append(
            "Nothing was imported. Add the missing units or their abbreviations to the directory, "
                + "or run again with --create-units to create them as they are written.")
        return lines.joined(separator: "\n")
    }
}

/// The import was refused; `message` says why, possibly over several lines.
struct FileImportRefusal: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
