import Foundation
import ZIPFoundation

/// Opens ZIP-based Office files and pulls out the Word main document.
///
/// Every .docx, .xlsx and .pptx is a ZIP; this decides which one we got and
/// gives the user a precise reason when it is not a Word document.
enum OfficePackage {
    /// Path of the WordprocessingML main part inside a .docx package.
    static let documentPath = "word/document.xml"
    /// Refuse to inflate a main part bigger than this (a ZIP bomb guard).
    static let maximumDocumentSize: UInt64 = 256 * 1024 * 1024

    /// Returns the bytes of `word/document.xml`, or throws `unsupportedType`
    /// for other ZIP files and `invalidDocx` for damaged ones.
    static func documentXML(from data: Data, fileName: String) throws(FormatError) -> Data {
        let archive = try open(data, fileName: fileName)
        guard let entry = archive[documentPath] else {
            throw .unsupportedType(name: fileName, detected: classifyNonWord(archive).rawValue)
        }
        guard entry.uncompressedSize <= maximumDocumentSize else {
            throw .invalidDocx(name: fileName, reason: "word/document.xml is unreasonably large")
        }
        do {
            return try extract(entry, from: archive)
        } catch {
            throw .invalidDocx(name: fileName, reason: "word/document.xml could not be decompressed")
        }
    }

    private static func open(_ data: Data, fileName: String) throws(FormatError) -> Archive {
        do {
            return try Archive(data: data, accessMode: .read)
        } catch {
            throw .invalidDocx(name: fileName, reason: "the ZIP container is damaged")
        }
    }

    private static func extract(_ entry: Entry, from archive: Archive) throws -> Data {
        var contents = Data()
        _ = try archive.extract(entry) { chunk in contents.append(chunk) }
        return contents
    }

    /// Names the kind of a ZIP that has no Word main part, so the error can
    /// say "spreadsheet" rather than a vague "not supported".
    private static func classifyNonWord(_ archive: Archive) -> UnsupportedKind {
        let contentTypes = (archive["[Content_Types].xml"]).flatMap { try? extract($0, from: archive) }
        let types = contentTypes.map { String(decoding: $0, as: UTF8.self) } ?? ""
        if archive["xl/workbook.xml"] != nil || types.contains("spreadsheetml") {
            return .spreadsheet
        }
        if archive["ppt/presentation.xml"] != nil || types.contains("presentationml") {
            return .presentation
        }
        return .zipArchive
    }
}
