import Foundation

/// Accumulates the paragraphs and tables of `word/document.xml`'s body.
///
/// A page break is not a paragraph of its own: it is carried to the next paragraph as
/// `w:pageBreakBefore`, so the new page starts with that paragraph on its first line (a break run would
/// leave an empty line there in Word) and readers see no extra empty paragraph.
struct OfficialBodyWriter {
    /// The body markup so far.
    private(set) var xml = ""
    private var pageBreakPending = false
    private var endsWithTable = false

    /// Appends a paragraph in `style`; `properties` are further `w:pPr` children in schema order after
    /// `w:pageBreakBefore` (spacing, indents). All text goes through `DocxMarkup`, which escapes it.
    mutating func paragraph(_ text: String, style: String, keepWithNext: Bool = false, properties: String = "") {
        let keep = keepWithNext ? "<w:keepNext/>" : ""
        let pageBreak = pageBreakPending ? "<w:pageBreakBefore/>" : ""
        pageBreakPending = false
        endsWithTable = false
        xml += DocxMarkup.paragraph(
            Self.clean(text),
            properties: "<w:pPr><w:pStyle w:val=\"\(style)\"/>\(keep)\(pageBreak)\(properties)</w:pPr>"
        )
    }

    /// Appends body blocks in order.
    mutating func blocks(_ blocks: [OfficialBlock]) {
        for block in blocks {
            switch block {
            case .heading1(let text):
                paragraph(text, style: OfficialStyles.heading1)
            case .heading2(let text):
                paragraph(text, style: OfficialStyles.heading2)
            case .paragraph(let text):
                for line in Self.clean(text).split(separator: "\n") {
                    paragraph(String(line), style: OfficialStyles.body)
                }
            case .table(let table):
                self.table(table)
            case .pageBreak:
                // Two breaks in a row ask for an empty page; the first one needs something to carry it.
                if pageBreakPending { carrierParagraph() }
                pageBreakPending = true
            }
        }
    }

    /// Forgets a pending page break because the next paragraph's style starts a new page by itself.
    mutating func discardPendingPageBreak() {
        pageBreakPending = false
    }

    /// Normalises line endings so "\r\n" and form feeds read as "\n".
    static func clean(_ text: String) -> String {
        TextDecoding.normalizeLineEndings(text)
    }

    private mutating func table(_ table: OfficialTable) {
        var table = table
        table.caption = table.caption.map(Self.clean)
        table.header = table.header.map(Self.clean)
        table.rows = table.rows.map { $0.map(Self.clean) }
        if let caption = table.caption {
            paragraph(caption, style: OfficialStyles.tableCaption)
        }
        guard !table.isEmpty else { return }
        if pageBreakPending {
            carrierParagraph()
        } else if endsWithTable {
            // Word joins adjacent tables into one; an empty paragraph keeps them apart.
            paragraph("", style: OfficialStyles.tableText)
        }
        xml += OfficialTableMarkup.table(table)
        endsWithTable = true
    }

    /// A paragraph 1 pt high that only carries a pending page break, for when a table comes next.
    private mutating func carrierParagraph() {
        pageBreakPending = false
        endsWithTable = false
        xml +=
            "<w:p><w:pPr><w:pStyle w:val=\"\(OfficialStyles.tableText)\"/><w:pageBreakBefore/>"
            + OfficialLayout.spacing(line: 20) + "</w:pPr></w:p>"
    }
}
