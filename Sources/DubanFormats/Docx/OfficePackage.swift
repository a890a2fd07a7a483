import Foundation

/// Opens ZIP-based Office files and pulls out the Word main document.
///
/// Every .docx, .xlsx and .pptx is a ZIP; this decides which one we got and gives the user a precise reason
/// when it is not a Word document. The container is read by `ZipArchive`, which checks every offset against
/// the file, and parts are inflated against a limit counted while inflating.
enum OfficePackage {
    /// Path of the WordprocessingML main part inside a .docx package.
    static let documentPath = "word/document.xml"
    /// The most a main part may inflate to. The largest real plan's document.xml is a few megabytes; a part
    /// past this is a ZIP bomb or not a plan, and reading it would hold the memory of every other user.
    static let maximumDocumentSize = 64 * 1024 * 1024
    /// The most the small parts read only to classify a file may inflate to.
    static let maximumSmallPartSize = 1024 * 1024

    /// Returns the bytes of `word/document.xml`, or throws `unsupportedType`
    /// for other ZIP files and `invalidDocx` for damaged ones.
    static func documentXML(from data: Data, fileName: String) throws(FormatError) -> Data {
        do {
            let archive = try ZipArchive(data: data)
            guard let entry = archive[documentPath] else {
                throw FormatError.unsupportedType(name: fileName, detected: classifyNonWord(archive).rawValue)
            }
            return try archive.contents(of: entry, limit: maximumDocumentSize)
        } catch let error as FormatError {
            throw error
        } catch let error as ZipError {
            throw .invalidDocx(name: fileName, reason: error.reason)
        } catch {
            throw .invalidDocx(name: fileName, reason: "the ZIP container could not be read")
        }
    }

    /// True for an Excel workbook (a ZIP holding xl/workbook.xml and no Word main part).
    static func isWorkbook(_ data: Data) -> Bool {
        guard let archive = try? ZipArchive(data: data) else { return false }
        return archive["xl/workbook.xml"] != nil && archive[documentPath] == nil
    }

    /// Names the kind of a ZIP that has no Word main part, so the error can
    /// say "spreadsheet" rather than a vague "not supported".
    private static func classifyNonWord(_ archive: ZipArchive) -> UnsupportedKind {
        let contentTypes = archive["[Content_Types].xml"].flatMap {
            try? archive.contents(of: $0, limit: maximumSmallPartSize)
        }
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
