import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One worksheet as Excel shows it: its name and its rows of cell texts.
public struct XlsxSheet: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]
}

/// Reads Excel (.xlsx) workbooks — the form in which most offices keep their 分解表 — into text: every sheet
/// in order, each row one tab-separated line, as the table reader expects. Values are what Excel shows: shared
/// and inline strings, numbers without a trailing ".0", dates as dates, percentages with "%"; a vertically
/// merged cell (a group's leader or lead unit) repeats its value on every row it spans.
public enum XlsxReader {
    static let maximumPartSize = 64 * 1024 * 1024
    /// Columns kept per row; a sheet using more is not a plan.
    static let maximumColumns = 200

    /// Decodes a workbook into text; throws `invalidDocx`-like errors in the terms of a spreadsheet.
    public static func read(data: Data, fileName: String) throws(FormatError) -> DecodedDocument {
        let sheets = try self.sheets(data: data, fileName: fileName)
        var lines: [String] = []
        for sheet in sheets {
            // A sheet's name stands for its title, unless its first row is a title of its own (one cell), which
            // the name would run into.
            let titled = sheet.rows.first.map { $0.filter { !$0.isEmpty }.count == 1 } ?? false
            if sheets.count > 1, !isDefaultName(sheet.name), !titled { lines.append(sheet.name) }
            for row in sheet.rows { lines.append(row.joined(separator: "\t")) }
            lines.append("")
        }
        let text = TextDecoding.normalizeLineEndings(lines.joined(separator: "\n"))
        guard !TextDecoding.isBlank(text) else { throw .empty(name: fileName) }
        return DecodedDocument(text: text, format: .xlsx, encoding: TextDecoding.utf8Label)
    }

    /// The workbook's sheets in their order.
    public static func sheets(data: Data, fileName: String) throws(FormatError) -> [XlsxSheet] {
        do {
            let archive = try ZipArchive(data: data)
            let shared = try sharedStrings(archive)
            let dateStyles = try self.dateStyles(archive)
            return try sheetTargets(archive).map { name, path in
                guard let entry = archive[path] else { return XlsxSheet(name: name, rows: []) }
                let xml = try archive.contents(of: entry, limit: maximumPartSize)
                return XlsxSheet(name: name, rows: try rows(xml, shared: shared, dateStyles: dateStyles))
            }
        } catch let error as ZipError {
            throw .invalidDocx(name: fileName, reason: error.reason)
        } catch let error as FormatError {
            throw error
        } catch {
            throw .invalidDocx(name: fileName, reason: "the workbook could not be read")
        }
    }

    /// Sheet names and part paths, in workbook order.
    private static func sheetTargets(_ archive: ZipArchive) throws -> [(String, String)] {
        guard let workbook = archive["xl/workbook.xml"] else { throw ZipError.damaged("xl/workbook.xml is missing") }
        let sheets = try collect(["sheet"], from: archive.contents(of: workbook, limit: maximumPartSize))
        var targets: [String: String] = [:]
        if let rels = archive["xl/_rels/workbook.xml.rels"] {
            for (_, attributes) in try collect(
                ["Relationship"], from: archive.contents(of: rels, limit: maximumPartSize))
            {
                guard let id = attributes["Id"], let target = attributes["Target"] else { continue }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        return sheets.enumerated().compactMap { index, element in
            let attributes = element.1
            let name = attributes["name"] ?? "Sheet\(index + 1)"
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
            return (name, id.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(index + 1).xml")
        }
    }

    private static func sharedStrings(_ archive: ZipArchive) throws -> [String] {
        guard let entry = archive["xl/sharedStrings.xml"] else { return [] }
        let handler = XlsxSharedStringsHandler()
        try parse(archive.contents(of: entry, limit: maximumPartSize), with: handler)
        return handler.strings
    }

    /// The cell styles (indexes into cellXfs) that show a number as a date, and how.
    private static func dateStyles(_ archive: ZipArchive) throws -> [Int: XlsxDateFormat] {
        guard let entry = archive["xl/styles.xml"] else { return [:] }
        let elements = try collect(["numFmt", "xf"], from: archive.contents(of: entry, limit: maximumPartSize))
        var custom: [Int: String] = [:]
        var styles: [Int: XlsxDateFormat] = [:]
        var index = 0
        for (name, attributes) in elements {
            if name == "numFmt", let id = attributes["numFmtId"].flatMap(Int.init) {
                custom[id] = attributes["formatCode"] ?? ""
            } else if name == "xf" {
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                if let format = XlsxDateFormat(builtin: id, code: custom[id]) { styles[index] = format }
                index += 1
            }
        }
        return styles
    }

    /// The sheet's rows as shown, merged ranges filled in, trailing empty cells dropped.
    static func rows(_ xml: Data, shared: [String], dateStyles: [Int: XlsxDateFormat]) throws -> [[String]] {
        let handler = XlsxSheetHandler()
        try parse(xml, with: handler, allowAbort: true)
        var grid: [Int: [Int: String]] = [:]
        for cell in handler.cells where cell.reference.column < maximumColumns {
            let shown = XlsxValue.shown(cell, shared: shared, dateStyles: dateStyles)
            if !shown.isEmpty { grid[cell.reference.row, default: [:]][cell.reference.column] = shown }
        }
        for range in handler.merged {
            guard let value = grid[range.start.row]?[range.start.column] else { continue }
            // Down the first column only: a group's leader repeats on its rows; a title spanning the width
            // stays one cell.
            for row in range.start.row...min(range.end.row, range.start.row + 10_000) {
                grid[row, default: [:]][range.start.column] = value
            }
        }
        guard let lastRow = grid.keys.max() else { return [] }
        return (0...lastRow).map { row in
            guard let cells = grid[row], let lastColumn = cells.keys.max() else { return [] }
            return (0...lastColumn).map { cells[$0] ?? "" }
        }
    }

    private static func collect(_ names: Set<String>, from xml: Data) throws -> [(String, [String: String])] {
        let handler = XlsxAttributeCollector(wanted: names)
        try parse(xml, with: handler)
        return handler.elements
    }

    private static func parse(_ xml: Data, with delegate: any XMLParserDelegate, allowAbort: Bool = false) throws {
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let succeeded = parser.parse()
        if allowAbort, let error = parser.parserError as NSError?,
            error.code == XMLParser.ErrorCode.delegateAbortedParseError.rawValue
        {
            return
        }
        guard succeeded, parser.parserError == nil else { throw ZipError.damaged("a part is not well-formed XML") }
    }

    private static func isDefaultName(_ name: String) -> Bool {
        name.hasPrefix("Sheet") && name.dropFirst(5).allSatisfy(\.isNumber)
    }
}
