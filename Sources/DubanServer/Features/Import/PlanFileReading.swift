import DubanCore
import DubanFormats

/// Parsing a decoded plan file the one way every entrance shares — `duban parse`, `duban import`, the API and
/// the import wizard: within the standard limits, and with the places where the file's bytes had to be
/// repaired added to the warnings a person checks before importing.
enum PlanFileReading {
    /// The documents of `decoded`; throws the limit a file went past.
    static func documents(of decoded: DecodedDocument, limits: ParseLimits = .standard) throws(PlanParseError)
        -> [PlanDocument]
    {
        var documents = try PlanParser.parse(text: decoded.text, limits: limits)
        for repair in decoded.repairs { add(repair, to: &documents, lineCount: decoded.lines.count) }
        return documents
    }

    /// A repair's warning goes to the document that holds its first line (a cut end: the last document).
    private static func add(_ repair: DecodingRepair, to documents: inout [PlanDocument], lineCount: Int) {
        guard !documents.isEmpty else { return }
        let line = repair.lines.first ?? lineCount
        let index = documents.lastIndex { ($0.tasks.first?.line ?? 1) <= line } ?? 0
        documents[index].warnings.append(ParseWarning(line: line, message: repair.chineseMessage))
        documents[index].warnings.sort { $0.line < $1.line }
    }
}
