import Foundation
import ZIPFoundation

/// Writes minimal, valid Word (.docx) files from `DocxBlock`s.
///
/// Exports must open in Word, WPS, LibreOffice and python-docx, so the
/// package contains exactly the parts those readers require and nothing
/// that could be inconsistent: content types, package relationships, the
/// main document and core properties.
public enum DocxWriter {
    /// Builds a .docx in memory; `title` becomes a centred bold first
    /// paragraph and the document's title property.
    ///
    /// Line endings in the input are normalised; "\r" never reaches the XML.
    public static func data(blocks: [DocxBlock], title: String? = nil) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, contents) in parts(blocks: blocks, title: title) {
            let bytes = Data(contents.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: fixedDate, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw DocxWriterError.archiveUnavailable }
        return data
    }

    /// A fixed timestamp keeps exports byte-for-byte reproducible.
    private static let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)

    private static func parts(blocks: [DocxBlock], title: String?) -> [(String, String)] {
        var body = title.map { DocxMarkup.title(TextDecoding.normalizeLineEndings($0)) } ?? ""
        for block in blocks {
            switch block {
            case .paragraph(let text):
                body += DocxMarkup.paragraph(TextDecoding.normalizeLineEndings(text))
            case .table(let rows) where !rows.isEmpty:
                body += DocxMarkup.table(rows.map { $0.map(TextDecoding.normalizeLineEndings) })
            case .table:
                continue
            }
        }
        return [
            ("[Content_Types].xml", DocxPackageParts.contentTypes),
            ("_rels/.rels", DocxPackageParts.relationships),
            ("docProps/core.xml", DocxPackageParts.coreProperties(title: title)),
            ("word/document.xml", DocxMarkup.document(body: body)),
        ]
    }
}

/// Failures of `DocxWriter` that are not ZIPFoundation's own errors.
public enum DocxWriterError: Error, Sendable, Equatable {
    /// The in-memory archive did not expose its bytes.
    case archiveUnavailable
}
