import Foundation

/// The WordprocessingML of an `OfficialTable`: a full-width, fixed-layout grid with single borders, a
/// header row Word repeats on every page, and vertical merges for repeated cells.
enum OfficialTableMarkup {
    /// The `w:tbl` element; texts must already have normalised line endings.
    static func table(_ table: OfficialTable) -> String {
        let widths = table.columnTwips(total: OfficialLayout.textWidth)
        let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        var rows = ""
        if !table.header.isEmpty {
            let cells = table.padded(table.header).enumerated().map { column, text in
                cell(text, width: widths[column], role: .single, style: OfficialStyles.tableHeader)
            }
            rows += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>\(cells.joined())</w:tr>"
        }
        let roles = table.mergeRoles()
        for (index, row) in table.rows.enumerated() {
            let cells = table.padded(row).enumerated().map { column, text in
                cell(text, width: widths[column], role: roles[index][column], style: OfficialStyles.tableText)
            }
            rows += "<w:tr>\(cells.joined())</w:tr>"
        }
        return "<w:tbl>\(properties)<w:tblGrid>\(grid)</w:tblGrid>\(rows)</w:tbl>"
    }

    private static let properties: String = {
        let edges = ["top", "left", "bottom", "right", "insideH", "insideV"]
        let borders = edges.map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }
        return "<w:tblPr><w:tblW w:w=\"\(OfficialLayout.textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            + "<w:tblBorders>\(borders.joined())</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" "
            + "w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
    }()

    /// One cell; "\n" starts a new paragraph in it, and a merge continuation keeps only an empty
    /// paragraph because the text belongs to the cell above.
    private static func cell(_ text: String, width: Int, role: OfficialTable.MergeRole, style: String) -> String {
        let merge: String
        switch role {
        case .single: merge = ""
        case .start: merge = "<w:vMerge w:val=\"restart\"/>"
        case .continued: merge = "<w:vMerge/>"
        }
        let properties = "<w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>"
        let lines = role == .continued ? [""] : text.split(separator: "\n", omittingEmptySubsequences: false)
        let paragraphs = lines.map { DocxMarkup.paragraph(String($0), properties: properties) }.joined()
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(merge)<w:vAlign w:val=\"center\"/></w:tcPr>"
            + "\(paragraphs)</w:tc>"
    }
}
