import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// SAX delegate that turns `word/document.xml` into `DocxBlock`s.
///
/// SAX instead of a DOM keeps memory flat for long plans. Only the main
/// WordprocessingML elements that carry visible text are interpreted;
/// deleted text, field codes and compatibility fallbacks are skipped so
/// the result matches what the user sees in Word.
final class DocxXMLHandler: NSObject, XMLParserDelegate {
    private static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    private static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Word elements whose whole subtree is invisible in the final document.
    private static let ignoredWordElements: Set<String> = ["delText", "instrText", "moveFrom", "del"]

    /// Top-level blocks found so far, in document order.
    private(set) var blocks: [DocxBlock] = []
    private var stack: [DocxFrame] = []
    private var skipDepth = 0
    private var inText = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if skipDepth > 0 || isIgnored(elementName, namespaceURI) {
            skipDepth += 1
            return
        }
        guard Self.isWord(namespaceURI) else { return }
        let value = Self.attribute("val", in: attributeDict)
        switch elementName {
        case "p": stack.append(DocxFrame(kind: .paragraph))
        case "tbl": stack.append(DocxFrame(kind: .table))
        case "tc": stack.append(DocxFrame(kind: .cell))
        case "tr": updateTop(.table) { $0.startRow() }
        case "gridBefore":
            updateTop(.table) { $0.row?.append(contentsOf: Array(repeating: "", count: DocxFrame.gridCount(value))) }
        case "gridAfter": updateTop(.table) { $0.cellsAfterRow = DocxFrame.gridCount(value) }
        case "gridSpan": updateTop(.cell) { $0.span = DocxFrame.gridCount(value) }
        case "vMerge": updateTop(.cell) { $0.continuesMerge = (value ?? "continue") == "continue" }
        case "r": updateTop(.paragraph) { $0.runDepth += 1 }
        case "t": inText = true
        case "tab", "ptab": appendInRun("\t")
        case "br", "cr": appendInRun("\n")
        case "noBreakHyphen": appendInRun("-")
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard Self.isWord(namespaceURI) else { return }
        switch elementName {
        case "p":
            if let frame = popTop(.paragraph) { deliverParagraph(frame.paragraphText) }
        case "tbl":
            if var frame = popTop(.table) {
                frame.endRow()
                deliverTable(frame.rows)
            }
        case "tc":
            if let frame = popTop(.cell) { updateTop(.table) { $0.row?.append(contentsOf: frame.cellEntries) } }
        case "tr": updateTop(.table) { $0.endRow() }
        case "r": updateTop(.paragraph) { $0.runDepth -= 1 }
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        appendText(string)
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        appendText(String(decoding: block, as: UTF8.self))
    }

    private func appendText(_ string: String) {
        guard inText, skipDepth == 0 else { return }
        updateTop(.paragraph) { $0.text += string }
    }

    private func deliverParagraph(_ text: String) {
        guard let last = stack.indices.last else {
            blocks.append(.paragraph(text))
            return
        }
        if stack[last].kind != .table { stack[last].appendNested([text]) }
    }

    private func deliverTable(_ rows: [[String]]) {
        guard let last = stack.indices.last else {
            blocks.append(.table(rows))
            return
        }
        switch stack[last].kind {
        case .cell: stack[last].appendNested(rows.map { $0.joined(separator: " ") })
        case .paragraph: stack[last].appendNested(rows.map { $0.joined(separator: "\t") })
        case .table: break
        }
    }

    private func appendInRun(_ text: String) {
        updateTop(.paragraph) { frame in
            if frame.runDepth > 0 { frame.text += text }
        }
    }

    private func updateTop(_ kind: DocxFrame.Kind, _ change: (inout DocxFrame) -> Void) {
        guard let last = stack.indices.last, stack[last].kind == kind else { return }
        change(&stack[last])
    }

    private func popTop(_ kind: DocxFrame.Kind) -> DocxFrame? {
        guard let top = stack.last, top.kind == kind else { return nil }
        return stack.removeLast()
    }

    private func isIgnored(_ name: String, _ namespace: String?) -> Bool {
        if namespace == Self.compatibilityNamespace { return name == "Fallback" }
        return Self.isWord(namespace) && Self.ignoredWordElements.contains(name)
    }

    /// Documents without namespace declarations are treated as WordprocessingML.
    private static func isWord(_ namespace: String?) -> Bool {
        guard let namespace, !namespace.isEmpty else { return true }
        return wordNamespaces.contains(namespace)
    }

    /// Finds an attribute by local name whether or not the parser kept its prefix.
    private static func attribute(_ localName: String, in attributes: [String: String]) -> String? {
        if let value = attributes[localName] { return value }
        return attributes.first { $0.key.hasSuffix(":" + localName) }?.value
    }
}
