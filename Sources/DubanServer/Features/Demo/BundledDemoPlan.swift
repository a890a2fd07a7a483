import DubanCore
import DubanFormats
import Foundation

/// The demo plan that arrives the way a real one does: a document we wrote, shipped in the module's
/// resources, read by `DocumentReader` and `PlanParser`, so the demo shows parsed tasks and their source lines.
enum BundledDemoPlan {
    /// The bundled document: the city's 2026 report tasks localised to the district (a cascade table).
    static let fileName = "2026-city-report-tasks.txt"

    /// Where a document is inside the module's bundle.
    static func url(of fileName: String = fileName) -> URL {
        URL(fileURLWithPath: Resources.bundle + "Resources/DemoPlans/" + fileName)
    }

    /// Reads and parses a bundled document: the district's cascade by default, or the city's plan and the
    /// second district's cascade that the demo's other governments import.
    static func load(_ fileName: String = fileName) throws(DemoError) -> (
        document: PlanDocument, source: PlanImporter.Source
    ) {
        let url = url(of: fileName)
        let decoded: DecodedDocument
        do {
            decoded = try DocumentReader.read(fileAt: url)
        } catch {
            throw .bundledPlanUnreadable(path: url.path, reason: error.message)
        }
        guard let document = PlanParser.parse(text: decoded.text).first(where: { !$0.tasks.isEmpty }) else {
            throw .bundledPlanHasNoTasks(path: url.path)
        }
        let source = PlanImporter.Source(
            fileName: fileName, format: decoded.format.rawValue,
            encoding: decoded.encoding, text: decoded.text)
        return (document, source)
    }
}

/// Why the demo could not be prepared.
enum DemoError: Error, Equatable, CustomStringConvertible {
    case bundledPlanUnreadable(path: String, reason: String)
    case bundledPlanHasNoTasks(path: String)
    case databaseHoldsOtherData
    /// `DemoContacts` names a unit the demo directory does not have.
    case contactUnitMissing(String)

    var description: String {
        switch self {
        case .bundledPlanUnreadable(let path, let reason):
            "cannot read the bundled demo plan at \(path): \(reason)"
        case .bundledPlanHasNoTasks(let path):
            "the bundled demo plan at \(path) yielded no task; the parser and the demo document disagree"
        case .databaseHoldsOtherData:
            "the database already holds data that is not the demo; point --sqlite at another file"
        case .contactUnitMissing(let name):
            "the demo contacts name the unit \(name), which the demo directory does not have"
        }
    }
}
