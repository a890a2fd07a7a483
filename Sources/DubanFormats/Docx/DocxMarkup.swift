import Foundation

/// Builds the WordprocessingML snippets the writer assembles.
///
/// Kept apart from the ZIP packaging so the markup rules (escaping, runs,
/// table borders) can be read in one place.
enum DocxMarkup {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// A4 text width in twentieths of a point with the margins used below.
    static let textWidth = 8306

    /// Escapes XML special characters and drops characters XML 1.0 forbids,
    /// so arbitrary user text can never produce a file Word refuses to open.
    static func escape(_ text: String) -> String {
        XMLText.escaped(text)
    }

    /// One paragraph; "\t" becomes `w:tab` and "\n" becomes `w:br`.
    static func paragraph(_ text: String, properties: String = "", runProperties: String = "") -> String {
        "<w:p>\(properties)<w:r>\(runProperties)\(runContent(text))</w:r></w:p>"
    }

    /// The centred, bold heading used for the optional document title.
    static func title(_ text: String) -> String {
        paragraph(
            text, properties: "<w:pPr><w:jc w:val=\"center\"/></w:pPr>",
            runProperties: "<w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr>"
        )
    }

    /// A bordered table; short rows are padded so every row fills the grid,
    /// and "\n" inside a cell starts a new paragraph in that cell.
    static func table(_ rows: [[String]]) -> String {
        let columns = max(rows.map(\.count).max() ?? 0, 1)
        let width = textWidth / columns
        let grid = String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns)
        let body = rows.map { row in
            let padded = row + Array(repeating: "", count: columns - row.count)
            return "<w:tr>" + padded.map { cell($0, width: width) }.joined() + "</w:tr>"
        }.joined()
        return "<w:tbl>\(tableProperties)<w:tblGrid>\(grid)</w:tblGrid>\(body)</w:tbl>"
    }

    /// Wraps body markup in a complete `word/document.xml`.
    static func document(body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(wordNamespace)"><w:body>\(body)<w:sectPr>\
        <w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
    }

    private static let tableProperties: String = {
        let edges = ["top", "left", "bottom", "right", "insideH", "insideV"]
        let borders = edges.map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }
        return "<w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>\(borders.joined())</w:tblBorders></w:tblPr>"
    }()

    private static func cell(_ text: String, width: Int) -> String {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { paragraph(String($0)) }.joined()
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(paragraphs)</w:tc>"
    }

    private static func runContent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "<w:t xml:space=\"preserve\">\(escape(String($0)))</w:t>" }
                .joined(separator: "<w:tab/>")
        }.joined(separator: "<w:br/>")
    }
}
