import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// SAX delegate for one worksheet (`xl/worksheets/sheetN.xml`): its cells as raw values with their types
/// and styles, and its merged ranges. Values are resolved to what Excel shows by `XlsxReader`.
final class XlsxSheetHandler: NSObject, XMLParserDelegate {
    /// One cell as stored.
    struct Cell {
        var reference: XlsxCellReference
        /// "s" shared string, "inlineStr", "str" formula string, "b" boolean, "n" or nil number, "e" error.
        var type: String?
        var style: Int?
        var value = ""
    }

    /// Cells in document order.
    private(set) var cells: [Cell] = []
    private(set) var merged: [XlsxMergedRange] = []
    /// A hostile sheet can claim a million rows; reading stops past this many cells.
    static let maximumCells = 500_000
    private var current: Cell?
    private var inValue = false
    private var rowIndex = 0
    private var columnIndex = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch elementName {
        case "row":
            if let number = attributeDict["r"].flatMap(Int.init), number >= 1 { rowIndex = number - 1 }
            columnIndex = 0
        case "c":
            guard cells.count < Self.maximumCells else {
                parser.abortParsing()
                return
            }
            let reference =
                attributeDict["r"].flatMap(XlsxCellReference.init)
                ?? XlsxCellReference(column: columnIndex, row: rowIndex)
            columnIndex = reference.column + 1
            current = Cell(reference: reference, type: attributeDict["t"], style: attributeDict["s"].flatMap(Int.init))
        case "v", "t":
            inValue = current != nil
        case "mergeCell":
            if let range = attributeDict["ref"].flatMap(XlsxMergedRange.init) { merged.append(range) }
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch elementName {
        case "v", "t":
            inValue = false
        case "c":
            if let cell = current { cells.append(cell) }
            current = nil
        case "row":
            rowIndex += 1
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { current?.value += string }
    }
}

/// SAX delegate for `xl/sharedStrings.xml`: every string, rich runs joined, phonetic guides left out.
final class XlsxSharedStringsHandler: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var currentString = ""
    private var inItem = false
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch elementName {
        case "si":
            inItem = true
            currentString = ""
        case "rPh": inPhonetic = true
        case "t": inText = inItem && !inPhonetic
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch elementName {
        case "si":
            strings.append(currentString)
            inItem = false
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { currentString += string }
    }
}

/// SAX delegate for the few attributes read from the workbook, its relationships and its styles: sheet names
/// and targets, and which cell styles show a date.
final class XlsxAttributeCollector: NSObject, XMLParserDelegate {
    /// (element name, attributes) of every element named in `wanted`, in document order.
    private(set) var elements: [(String, [String: String])] = []
    private let wanted: Set<String>
    /// The `xf` elements inside `cellXfs` only: those are the styles cells point to.
    private var inCellFormats = false

    init(wanted: Set<String>) {
        self.wanted = wanted
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if elementName == "cellXfs" { inCellFormats = true }
        if elementName == "xf", !inCellFormats { return }
        if wanted.contains(elementName) { elements.append((elementName, attributeDict)) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if elementName == "cellXfs" { inCellFormats = false }
    }
}
