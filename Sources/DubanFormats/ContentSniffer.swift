import Foundation

/// What the first bytes of a file say it is.
///
/// Users rename files freely (a .doc saved as .txt, a PDF called .docx), so
/// the file name is never trusted; only these magic numbers are.
enum ContentKind: Sendable, Equatable {
    case zip
    case pdf
    case unsupported(UnsupportedKind)
    case text
}

/// Detects a file's kind from its leading bytes.
enum ContentSniffer {
    private static let zipLocalHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let zipEmptyArchive: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    private static let pdfHeader: [UInt8] = Array("%PDF-".utf8)
    private static let ole2Header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let pngHeader: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    private static let jpegHeader: [UInt8] = [0xFF, 0xD8, 0xFF]
    private static let gifHeaders: [[UInt8]] = [Array("GIF87a".utf8), Array("GIF89a".utf8)]

    /// Classifies `data` by its magic number; anything unrecognised is text.
    static func kind(of data: Data) -> ContentKind {
        if hasPrefix(data, zipLocalHeader) || hasPrefix(data, zipEmptyArchive) { return .zip }
        if hasPrefix(data, pdfHeader) { return .pdf }
        if hasPrefix(data, ole2Header) { return .unsupported(.oldWordDoc) }
        if hasPrefix(data, pngHeader) { return .unsupported(.png) }
        if hasPrefix(data, jpegHeader) { return .unsupported(.jpeg) }
        if gifHeaders.contains(where: { hasPrefix(data, $0) }) { return .unsupported(.gif) }
        return .text
    }

    private static func hasPrefix(_ data: Data, _ prefix: [UInt8]) -> Bool {
        data.count >= prefix.count && data.prefix(prefix.count).elementsEqual(prefix)
    }
}
