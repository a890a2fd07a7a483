import Foundation

/// One top-level piece of a Word document, in document order.
///
/// Plain text loses table structure; later features (column mapping,
/// export) need the rows and cells, so readers and the writer share this.
public enum DocxBlock: Sendable, Equatable {
    /// A body paragraph; "\t" and "\n" stand for Word tabs and line breaks.
    case paragraph(String)
    /// A table as rows of cell texts, one entry per grid column.
    case table([[String]])

    /// The lines this block contributes to the decoded text: a paragraph is
    /// one line, a table row is one line with its cells joined by "\t".
    public var lines: [String] {
        switch self {
        case .paragraph(let text):
            return [text]
        case .table(let rows):
            return rows.map { $0.joined(separator: "\t") }
        }
    }
}
