import DubanCore
import DubanFormats
import Fluent
import Foundation

/// A decoded plan file on its way into the database, under the rules every way of importing shares —
/// `duban import` and `POST /api/v1/imports`: only documents with tasks count (a gazette may hold several, and
/// one can be chosen), every unit named must be in the government's directory unless the caller asks to create
/// them, and nothing is imported when anything is refused.
struct DocumentImport: Sendable {
    /// The documents to import, in file order.
    var documents: [PlanDocument]
    var source: PlanImporter.Source

    /// Parses the decoded file within the standard limits (tasks, plans, time: one import must not swamp the
    /// installation); keeps its documents with tasks, or only the `document`-th of them (1-based).
    static func prepare(_ decoded: DecodedDocument, fileName: String, document: Int?) throws(ImportCommandError)
        -> DocumentImport
    {
        let plans: [PlanDocument]
        do {
            plans = try PlanFileReading.documents(of: decoded).filter { !$0.tasks.isEmpty }
        } catch {
            throw .overLimit(fileName, error)
        }
        guard !plans.isEmpty else { throw .noPlan(fileName) }
        var chosen = plans
        if let document {
            guard plans.indices.contains(document - 1) else {
                throw .documentOutOfRange(document, count: plans.count)
            }
            chosen = [plans[document - 1]]
        }
        let source = PlanImporter.Source(
            fileName: fileName, format: decoded.format.rawValue, encoding: decoded.encoding, text: decoded.text)
        return DocumentImport(documents: chosen, source: source)
    }

    /// Every distinct unit name the documents use that the government's directory does not know, with the
    /// directory units it probably means.
    func unknownUnits(governmentID: UUID, on database: any Database) async throws -> [(name: String, match: UnitMatch)]
    {
        try await UnitMatcher.load(governmentID: governmentID, on: database).unresolved(in: documents)
    }

    /// Imports every document as a plan of the government in one transaction: a file holding several plans goes
    /// in whole or not at all. Each plan's audit entry is written inside it by `PlanImporter`, naming `actor`.
    func importAll(
        governmentID: UUID, year: Int?, actor: AuditActor, requestID: String?, on database: any Database
    ) async throws -> [Plan] {
        let documents = self.documents
        let source = self.source
        return try await database.writeTransaction { database in
            let importer = PlanImporter(database: database, actor: actor, requestID: requestID)
            var plans: [Plan] = []
            for document in documents {
                plans.append(
                    try await importer.importPlan(document, governmentID: governmentID, year: year, source: source))
            }
            return plans
        }
    }
}
