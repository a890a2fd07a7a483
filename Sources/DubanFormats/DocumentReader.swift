import Foundation

/// The single entry point that turns any plan file into decoded text.
///
/// Callers (CLI, web upload) should not need to know about encodings, ZIP
/// containers or PDF tools; they hand over bytes and get text or a
/// `FormatError` that explains itself to the user.
public enum DocumentReader {
    /// Reads and decodes the file at `url`, detecting its type from content.
    ///
    /// PDFs are passed to `pdftotext` directly from disk, avoiding a copy.
    public static func read(fileAt url: URL) throws(FormatError) -> DecodedDocument {
        let data = try loadFile(at: url)
        return try decode(data, fileName: url.lastPathComponent, sourceURL: url)
    }

    /// Decodes bytes that arrived without a file on disk (e.g. a web upload).
    ///
    /// `fileName` is only used in error messages; it never decides the type.
    public static func read(data: Data, fileName: String) throws(FormatError) -> DecodedDocument {
        try decode(data, fileName: fileName, sourceURL: nil)
    }

    private static func decode(_ data: Data, fileName: String, sourceURL: URL?) throws(FormatError) -> DecodedDocument {
        guard !data.isEmpty else { throw .empty(name: fileName) }
        switch ContentSniffer.kind(of: data) {
        case .zip:
            if OfficePackage.isWorkbook(data) { return try XlsxReader.read(data: data, fileName: fileName) }
            return try DocxReader.read(data: data, fileName: fileName)
        case .pdf:
            if let sourceURL {
                return try PdfTextExtractor.read(fileAt: sourceURL, fileName: fileName)
            }
            return try PdfTextExtractor.read(data: data, fileName: fileName)
        case .unsupported(let kind):
            throw .unsupportedType(name: fileName, detected: kind.rawValue)
        case .text:
            if HtmlReader.looksLikeHTML(data) { return try HtmlReader.read(data: data, fileName: fileName) }
            return try TextDecoding.decode(data, fileName: fileName)
        }
    }

    private static func loadFile(at url: URL) throws(FormatError) -> Data {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        guard !isDirectory.boolValue else {
            throw .unreadable(path: path, reason: "it is a directory, not a file")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }
}
