import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the text of Word (.docx) plan documents.
///
/// Plans are usually Word files with numbered paragraphs and task tables;
/// we keep document order and turn each table row into one tab-separated
/// line so the parser sees "task<TAB>lead unit<TAB>deadline".
public enum DocxReader {
    /// Decodes a .docx into text: one line per paragraph, one per table row.
    public static func read(data: Data, fileName: String) throws(FormatError) -> DecodedDocument {
        let documentBlocks = try blocks(data: data, fileName: fileName)
        let text = TextDecoding.normalizeLineEndings(self.text(of: documentBlocks))
        guard !TextDecoding.isBlank(text) else { throw .empty(name: fileName) }
        return DecodedDocument(text: text, format: .docx, encoding: TextDecoding.utf8Label)
    }

    /// Returns the document's paragraphs and tables in document order,
    /// keeping table structure for callers that need columns.
    public static func blocks(data: Data, fileName: String) throws(FormatError) -> [DocxBlock] {
        let xml = try OfficePackage.documentXML(from: data, fileName: fileName)
        return try blocks(documentXML: xml, fileName: fileName)
    }

    /// Parses a raw `word/document.xml` part into blocks.
    ///
    /// Separate from the ZIP step so tests and tools can feed XML directly.
    public static func blocks(documentXML xml: Data, fileName: String) throws(FormatError) -> [DocxBlock] {
        let handler = DocxXMLHandler()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        // On Linux `parse()` can return true after a fatal error, so the
        // recorded error is checked as well.
        let succeeded = parser.parse()
        guard succeeded, parser.parserError == nil else {
            throw .invalidDocx(
                name: fileName, reason: "word/document.xml is not well-formed XML (line \(parser.lineNumber))"
            )
        }
        return handler.blocks
    }

    /// Joins blocks into the decoded text the parser reads.
    public static func text(of blocks: [DocxBlock]) -> String {
        blocks.flatMap(\.lines).joined(separator: "\n")
    }
}
