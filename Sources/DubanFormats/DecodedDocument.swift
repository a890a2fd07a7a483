import Foundation

/// The kind of document a user handed us, detected from the bytes.
///
/// The parser never cares where text came from, but the UI and logs do:
/// telling a user "read as Word document" explains odd line breaks.
public enum SourceFormat: String, Sendable, Codable {
    case text
    case docx
    case pdf
    case xlsx
    case html
}

/// One plan document decoded to plain text, ready for the DubanCore parser.
///
/// Every format ends up here so that the parser has exactly one input shape:
/// lines separated by "\n", no byte order mark, no carriage returns.
public struct DecodedDocument: Sendable, Equatable {
    /// The decoded text; lines are separated by "\n" and there is no BOM.
    public var text: String
    /// The container format the text was extracted from.
    public var format: SourceFormat
    /// The character encoding that was detected, e.g. "UTF-8" or "GB18030".
    ///
    /// Shown to the user so a wrongly guessed encoding is easy to spot.
    public var encoding: String
    /// Places where bytes were unreadable and replaced by U+FFFD; empty for a clean file.
    public var repairs: [DecodingRepair]

    /// Creates a decoded document; mainly useful for tests and callers that
    /// already hold text from another source.
    public init(text: String, format: SourceFormat, encoding: String, repairs: [DecodingRepair] = []) {
        self.text = text
        self.format = format
        self.encoding = encoding
        self.repairs = repairs
    }

    /// The text split into lines, as the parser consumes it.
    public var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
