import Foundation
import Testing
import DubanFormats

/// Hand-written document.xml covering tracked changes, fields, text boxes and merged cells.
@Suite("DOCX reader edge cases")
struct DocxEdgeCaseTests {
    static let header = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>
        """
    static let footer = "<w:sectPr/></w:body></w:document>"

    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }
    static func cell(_ content: String, properties: String = "") -> String {
        "<w:tc><w:tcPr>\(properties)</w:tcPr>\(content)</w:tc>"
    }

    static let paragraphs = """
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
        <w:r><w:t>任务</w:t></w:r><w:r><w:tab/><w:t>区财政局</w:t></w:r></w:p>\
        <w:p><w:r><w:t xml:space="preserve">第一行 </w:t><w:br/><w:t>第二行</w:t></w:r></w:p>\
        <w:p><w:r><w:t>完成</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>\
        <w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>\
        <w:ins w:id="2" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins></w:p>\
        <w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink r:id="rId5"><w:r><w:t>政府网站</w:t></w:r></w:hyperlink>\
        <w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>链接</w:t></w:r></w:smartTag></w:p>\
        <w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
        <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
        <w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>\
        <w:sdt><w:sdtPr><w:alias w:val="责任人"/></w:sdtPr><w:sdtContent>\(paragraph("内容控件"))</w:sdtContent></w:sdt>\
        <w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>\
        <w:txbxContent>\(paragraph("文本框"))</w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><w:txbxContent>\(paragraph("文本框"))</w:txbxContent></w:pict></mc:Fallback>\
        </mc:AlternateContent></w:r></w:p>
        """

    static let table = """
        <w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
        <w:tr>\(cell(paragraph("合并标题"), properties: "<w:gridSpan w:val=\"2\"/>"))\(cell(paragraph("时限")))</w:tr>\
        <w:tr>\(cell(paragraph("区发改局") + paragraph("  区科经局 "), properties: "<w:vMerge w:val=\"restart\"/>"))\
        \(cell(paragraph("任务A")))\(cell(paragraph("6月")))</w:tr>\
        <w:tr>\(cell("<w:p/>", properties: "<w:vMerge/>"))\
        \(cell("<w:tbl><w:tr>\(cell(paragraph("子项1")))\(cell(paragraph("子项2")))</w:tr></w:tbl><w:p/>"))\
        \(cell(paragraph("9月")))</w:tr>\
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>\(cell(paragraph("尾")))\(cell("<w:p/>"))</w:tr>\
        </w:tbl>
        """

    static func docx(body: String) throws -> Data {
        try TestFiles.zip([("word/document.xml", header + body + footer)])
    }

    @Test func paragraphsFollowWordSemantics() throws {
        let blocks = try DocxReader.blocks(data: try Self.docx(body: Self.paragraphs), fileName: "edge.docx")
        #expect(
            blocks == [
                .paragraph("任务\t区财政局"),
                .paragraph("第一行 \n第二行"),
                .paragraph("完成新增"),
                .paragraph("详见政府网站链接"),
                .paragraph("第3页"),
                .paragraph("内容控件"),
                .paragraph("正文\n文本框"),
            ])
    }

    @Test func mergedAndNestedCellsKeepColumnsAligned() throws {
        let blocks = try DocxReader.blocks(data: try Self.docx(body: Self.table), fileName: "table.docx")
        #expect(
            blocks == [
                .table([
                    ["合并标题", "", "时限"],
                    ["区发改局 区科经局", "任务A", "6月"],
                    ["", "子项1 子项2", "9月"],
                    ["", "尾", ""],
                ])
            ])
        let document = try DocumentReader.read(data: try Self.docx(body: Self.table), fileName: "table.docx")
        #expect(document.lines == ["合并标题\t\t时限", "区发改局 区科经局\t任务A\t6月", "\t子项1 子项2\t9月", "\t尾\t"])
    }

    @Test func otherNamespacePrefixIsUnderstood() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body>\
            <ns0:p><ns0:r><ns0:t>前缀</ns0:t><ns0:tab/><ns0:t>不同</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>
            """
        let blocks = try DocxReader.blocks(documentXML: Data(xml.utf8), fileName: "ns.docx")
        #expect(blocks == [.paragraph("前缀\t不同")])
    }

    @Test func malformedXMLIsInvalidDocx() throws {
        let data = try TestFiles.zip([("word/document.xml", Self.header + "<w:p><w:r><w:t>未闭合")])
        let error = capturedError { try DocumentReader.read(data: data, fileName: "bad.docx") }
        guard case .invalidDocx(let name, let reason) = error else {
            Issue.record("expected .invalidDocx, got \(String(describing: error))")
            return
        }
        #expect(name == "bad.docx")
        #expect(reason.contains("word/document.xml"))
    }

    @Test func documentWithoutTextIsEmpty() throws {
        let data = try Self.docx(body: "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>")
        #expect(throws: FormatError.empty(name: "blank.docx")) {
            try DocumentReader.read(data: data, fileName: "blank.docx")
        }
    }
}
