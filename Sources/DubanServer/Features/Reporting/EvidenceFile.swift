import Crypto
import Fluent
import Foundation

/// An evidence file uploaded with a report, checked by its content: the kinds offices actually send (PDF, Word,
/// Excel, pictures, plain text), within a size limit. The name is kept for download only, never trusted.
struct EvidenceFile: Sendable, Equatable {
    /// Per file.
    static let maxBytes = 10 * 1024 * 1024
    /// Per report version.
    static let maxFiles = 10

    var fileName: String
    var contentType: String
    var data: Data

    /// Checks an upload; the error says why in Chinese.
    init(fileName rawName: String, data: Data) throws(ReportFilingError) {
        let name = Self.cleanName(rawName)
        guard !data.isEmpty else { throw .emptyFile(name) }
        guard data.count <= Self.maxBytes else { throw .fileTooLarge(name, limitMB: Self.maxBytes / 1024 / 1024) }
        guard let type = Self.contentType(of: data, name: name) else { throw .fileTypeRefused(name) }
        fileName = name
        contentType = type
        self.data = data
    }

    /// Keeps the bytes once in `AttachmentBlob` (inside the caller's transaction) and returns the blob's id, for
    /// the attachment row of a report or a 整改 response.
    func storeBlob(on database: any Database) async throws -> UUID {
        let blob = AttachmentBlob(sha256: sha256, data: data)
        try await blob.create(on: database)
        return try blob.requireID()
    }

    /// The SHA-256 of the bytes, hex.
    var sha256: String { Self.sha256(of: data) }

    /// The SHA-256 of any bytes kept as a blob, hex.
    static func sha256(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The MIME type the content shows, or nil for anything not accepted.
    static func contentType(of data: Data, name: String) -> String? {
        let bytes = [UInt8](data.prefix(8))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        let lower = name.lowercased()
        if starts([0x25, 0x50, 0x44, 0x46]) { return "application/pdf" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if lower.hasSuffix(".xlsx") { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
            if lower.hasSuffix(".docx") {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            if lower.hasSuffix(".pptx") {
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            return nil
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            if lower.hasSuffix(".doc") { return "application/msword" }
            if lower.hasSuffix(".xls") { return "application/vnd.ms-excel" }
            return nil
        }
        if lower.hasSuffix(".txt"), String(data: data, encoding: .utf8) != nil { return "text/plain; charset=utf-8" }
        return nil
    }

    /// The last path component, trimmed and bounded; "附件" when nothing is left.
    static func cleanName(_ raw: String) -> String {
        let name = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines).filter { !$0.isNewline && $0 != "\"" }
        return trimmed.isEmpty ? "附件" : String(trimmed.prefix(120))
    }
}
