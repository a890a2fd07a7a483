import Foundation
import ZIPFoundation

/// Writes valid Excel (.xlsx) workbooks: one or more sheets of text cells (kept once each in the shared-string
/// table, as Excel itself writes them) and number cells in the columns that hold figures, optionally under a
/// title row merged across the sheet, the header row bold and frozen, with column widths and merged cells.
/// Enough for the import template and the 督查室's exports; opens in Excel, WPS, LibreOffice and openpyxl.
public enum XlsxWriter {
    /// One sheet to write.
    public struct Sheet: Sendable {
        public var name: String
        /// The header row first, then the data.
        public var rows: [[String]]
        /// Widths in characters, by column; missing ones take a default.
        public var widths: [Double]
        /// A title above the header, merged across every column ("2026年…责任分解表"); nil for none.
        public var title: String?
        /// Ranges of `rows` to merge, by 0-based row and column (the header is row 0): a 责任事项 spanning its
        /// work items.
        public var merges: [Merge]
        /// Keeps the header (and the title) in view while scrolling.
        public var freezesHeader: Bool
        /// 0-based columns whose data cells are numbers where they read as one ("98.85", "-0.5"), so a sheet can
        /// sum and sort them; other text in them stays text.
        public var numericColumns: Set<Int>
        /// A short line at the top left, above the title: the form's number in the notice ("附表1").
        public var caption: String?
        /// Lines between the title and the header, each merged across the sheet: "单位：区财政局　主要负责人（签字）：".
        public var notes: [String]

        public init(
            name: String, rows: [[String]], widths: [Double] = [], title: String? = nil, merges: [Merge] = [],
            freezesHeader: Bool = false, numericColumns: Set<Int> = [], caption: String? = nil, notes: [String] = []
        ) {
            self.name = name
            self.rows = rows
            self.widths = widths
            self.title = title
            self.merges = merges
            self.freezesHeader = freezesHeader
            self.numericColumns = numericColumns
            self.caption = caption
            self.notes = notes
        }

        /// The lines above the header, in order: caption, title, notes, with their styles.
        var lead: [(text: String, style: Int, height: Int?)] {
            var lines: [(String, Int, Int?)] = []
            if let caption { lines.append((caption, 1, nil)) }
            if let title {
                // A title longer than the sheet is wide wraps onto a second line rather than running off it.
                let room = max(widths.reduce(0, +), 16)
                lines.append((title, 3, Double(title.count) * 2.2 > room ? 44 : 28))
            }
            lines += notes.map { ($0, 0, nil) }
            return lines
        }
    }

    /// A rectangle of cells shown as one, by 0-based row and column of a sheet's `rows`.
    public struct Merge: Sendable, Hashable {
        public var rows: ClosedRange<Int>
        public var columns: ClosedRange<Int>

        public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
            self.rows = rows
            self.columns = columns
        }
    }

    /// The workbook's bytes.
    public static func data(sheets: [Sheet]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var strings = SharedStrings()
        var worksheets: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            worksheets.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, strings: &strings)))
        }
        let parts: [(String, String)] =
            [
                ("[Content_Types].xml", contentTypes(sheets.count)), ("_rels/.rels", XlsxParts.rootRelationships),
                ("xl/workbook.xml", workbook(sheets)),
                ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
                ("xl/styles.xml", XlsxParts.styles), ("xl/sharedStrings.xml", strings.xml),
            ] + worksheets
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        guard let data = archive.data else { throw DocxWriterError.archiveUnavailable }
        return data
    }

    /// A fixed timestamp keeps files byte-for-byte reproducible.
    private static let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)

    private static func worksheet(_ sheet: Sheet, strings: inout SharedStrings) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        let columns = max(sheet.rows.map(\.count).max() ?? 0, sheet.widths.count)
        // The caption, title and notes take the first rows; the header and data follow them.
        let lead = sheet.lead
        let offset = lead.count
        if sheet.freezesHeader {
            let below = offset + 1
            xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(below)" topLeftCell="A\#(below + 1)" "#
            xml += #"activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        if columns > 0 {
            xml += "<cols>"
            for column in 0..<columns {
                let width = sheet.widths.indices.contains(column) ? sheet.widths[column] : 16
                xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (index, line) in lead.enumerated() {
            let height = line.height.map { #" ht="\#($0)" customHeight="1""# } ?? ""
            xml += #"<row r="\#(index + 1)"\#(height)><c r="A\#(index + 1)" t="s" s="\#(line.style)">"#
            xml += #"<v>\#(strings.index(of: line.text))</v></c></row>"#
        }
        for (rowIndex, row) in sheet.rows.enumerated() {
            let number = rowIndex + 1 + offset
            xml += #"<row r="\#(number)">"#
            for (columnIndex, value) in row.enumerated() where !value.isEmpty {
                let reference = columnName(columnIndex) + String(number)
                if rowIndex > 0, sheet.numericColumns.contains(columnIndex), let number = numberText(value) {
                    xml += #"<c r="\#(reference)" s="4"><v>\#(number)</v></c>"#
                    continue
                }
                let style = rowIndex == 0 ? #" s="1""# : #" s="2""#
                xml += #"<c r="\#(reference)" t="s"\#(style)><v>\#(strings.index(of: value))</v></c>"#
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        var merges = sheet.merges.map { merge in
            columnName(merge.columns.lowerBound) + String(merge.rows.lowerBound + 1 + offset) + ":"
                + columnName(merge.columns.upperBound) + String(merge.rows.upperBound + 1 + offset)
        }
        if columns > 1 {
            // The title and the notes span the sheet; the caption stays a cell at the top left.
            let spanning = lead.indices.filter { sheet.caption == nil || $0 > 0 }
            merges.insert(contentsOf: spanning.map { "A\($0 + 1):\(columnName(columns - 1))\($0 + 1)" }, at: 0)
        }
        if !merges.isEmpty {
            xml += #"<mergeCells count="\#(merges.count)">"#
            xml += merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
        }
        return xml + "</worksheet>"
    }

    /// The value as an Excel number, when it is a plain finite decimal ("98.85", "-0.5", "3200"); nil for
    /// anything else, which stays text (a 序号 such as "一、3", a phone number with a leading zero).
    static func numberText(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 15,
            trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            !(trimmed.hasPrefix("0") && trimmed.count > 1 && !trimmed.hasPrefix("0.")),
            let number = Double(trimmed), number.isFinite
        else { return nil }
        return trimmed
    }

    /// "A", …, "Z", "AA", …
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    private static func workbook(_ sheets: [Sheet]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            let name = DocxMarkup.escape(String(sheet.name.prefix(31)))
            xml += #"<sheet name="\#(name)" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(_ count: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<count {
            xml += #"<Relationship Id="rId\#(index + 1)" "#
            xml += #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" "#
            xml += #"Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(count + 1)" "#
        xml +=
            #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(count + 2)" "#
        xml += #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" "#
        xml += #"Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }

    private static func contentTypes(_ count: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" "#
        xml += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" "#
        xml += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" "#
        xml += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        for index in 0..<count {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" "#
            xml += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }
}

/// The fixed parts of a workbook.
enum XlsxParts {
    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    /// Five cell styles: 0 default, 1 bold wrapped (headers), 2 wrapped, top-aligned (long task texts), 3 the
    /// sheet's title, bold, larger and centred, 4 a number, top-aligned beside wrapped text.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font>\
        <font><b/><sz val="16"/><name val="黑体"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
        <alignment wrapText="1" vertical="center"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
        <alignment wrapText="1" vertical="top"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
        <alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
        <alignment vertical="top"/></xf></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}

/// The workbook's shared-string table: each distinct text once, cells naming it by index.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var strings: [String] = []
    /// Every reference, repeats included (the table's `count`).
    private var references = 0

    /// The index of `text`, adding it the first time.
    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        indexes[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    /// The `xl/sharedStrings.xml` part.
    var xml: String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"count="\#(references)" uniqueCount="\#(strings.count)">"#
        for text in strings {
            xml += #"<si><t xml:space="preserve">"# + DocxMarkup.escape(text) + "</t></si>"
        }
        return xml + "</sst>"
    }
}
