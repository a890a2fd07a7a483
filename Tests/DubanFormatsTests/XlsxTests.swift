import Foundation
import Testing
import ZIPFoundation
@testable import DubanFormats

/// Excel workbooks: read as Excel shows them (shared strings, numbers, dates, merged cells), written so that
/// openpyxl — an independent reader — reads back exactly what was written.
@Suite("Excel workbooks")
struct XlsxTests {
    static let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A workbook as Excel writes one: shared strings, a number, a date, a percentage, a merged leader cell.
    static func excelLikeWorkbook() -> Data {
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(ns)" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
            <sheet name="重点工作" sheetId="1" r:id="rId1"/><sheet name="Sheet2" sheetId="2" r:id="rId2"/></sheets></workbook>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>
            """
        let strings = """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(ns)"><si><t>序号</t></si><si><t>工作任务</t></si>\
            <si><t>责任领导</t></si><si><t>牵头单位</t></si><si><t>完成时限</t></si>\
            <si><r><t>新建社区食堂</t></r><r><rPr><b/></rPr><t>4个</t></r><rPh><t>ｼｮｸﾄﾞｳ</t></rPh></si>\
            <si><t>王立新</t></si><si><t>区民政局</t></si><si><t>城镇新增就业1.2万人</t></si><si><t>区人社局</t></si></sst>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(ns)"><numFmts count="1">\
            <numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>\
            <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>
            """
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(ns)"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>\
            <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c>\
            <c r="D2" t="s"><v>7</v></c><c r="E2" s="2"><v>46174</v></c></row>\
            <row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>8</v></c><c r="D3" t="s"><v>9</v></c>\
            <c r="E3" s="1"><v>46387</v></c></row>\
            <row r="5"><c r="A5" t="inlineStr"><is><t>合计</t></is></c><c r="B5"><v>0.35000000000000003</v></c></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells></worksheet>
            """
        let second = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(ns)"><sheetData>\
            <row r="1"><c r="B1" t="str"><f>A1</f><v>说明</v></c></row></sheetData></worksheet>
            """
        return HandmadeZip(entries: [
            .init(path: "xl/workbook.xml", text: workbook), .init(path: "xl/_rels/workbook.xml.rels", text: rels),
            .init(path: "xl/sharedStrings.xml", text: strings), .init(path: "xl/styles.xml", text: styles),
            .init(path: "xl/worksheets/sheet1.xml", text: sheet), .init(path: "xl/worksheets/sheet2.xml", text: second),
        ]).bytes()
    }

    @Test func aWorkbookReadsAsExcelShowsIt() throws {
        let sheets = try XlsxReader.sheets(data: Self.excelLikeWorkbook(), fileName: "分解表.xlsx")
        #expect(sheets.map(\.name) == ["重点工作", "Sheet2"])
        #expect(
            sheets[0].rows == [
                ["序号", "工作任务", "责任领导", "牵头单位", "完成时限"],
                ["1", "新建社区食堂4个", "王立新", "区民政局", "2026年6月"],
                ["2", "城镇新增就业1.2万人", "王立新", "区人社局", "2026年12月31日"],
                [],
                ["合计", "0.35"],
            ])
        #expect(sheets[1].rows == [["", "说明"]])
    }

    @Test func aWorkbookIsReadByContentAsTabSeparatedRows() throws {
        let document = try DocumentReader.read(data: Self.excelLikeWorkbook(), fileName: "renamed.docx")
        #expect(document.format == .xlsx)
        #expect(document.lines.first == "重点工作")
        #expect(document.lines[1] == "序号\t工作任务\t责任领导\t牵头单位\t完成时限")
        #expect(document.lines[2] == "1\t新建社区食堂4个\t王立新\t区民政局\t2026年6月")
    }

    @Test func whatWeWriteWeReadBack() throws {
        let rows = [["序号", "任务", "牵头单位"], ["1", "推进“一网通办”，办件量增长20%", "区政务服务局"], ["2", "", "区财政局"]]
        let data = try XlsxWriter.data(sheets: [.init(name: "导入模板", rows: rows, widths: [6, 60, 20])])
        let sheets = try XlsxReader.sheets(data: data, fileName: "模板.xlsx")
        #expect(sheets == [XlsxSheet(name: "导入模板", rows: rows)])
    }

    @Test(.enabled(if: PythonOpenpyxl.isAvailable, "openpyxl is not installed (pip install openpyxl)"))
    func openpyxlReadsWhatWeWrite() throws {
        let rows = [["序号", "任务", "牵头单位"], ["1", "新建5G基站300个 & <城区>", "区科经局"]]
        let data = try XlsxWriter.data(sheets: [.init(name: "任务", rows: rows), .init(name: "说明", rows: [["说明"]])])
        let url = try TestFiles.temporaryFile(data, suffix: ".xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let sheets = try PythonOpenpyxl.read(url)
        #expect(sheets == [.init(name: "任务", rows: rows), .init(name: "说明", rows: [["说明"]])])
    }

    @Test(.enabled(if: PythonOpenpyxl.isAvailable, "openpyxl is not installed (pip install openpyxl)"))
    func openpyxlReadsTitleMergesAndFrozenHeader() throws {
        let rows = [["序号", "责任事项", "具体工作内容"], ["1", "推进城市更新", "改造老旧小区18个"], ["", "", "加装电梯40部"]]
        let data = try XlsxWriter.data(sheets: [
            .init(
                name: "附表1", rows: rows, title: "办理方案",
                merges: [
                    .init(rows: 1...2, columns: 0...0),
                    .init(rows: 1...2, columns: 1...1),
                ], freezesHeader: true)
        ])
        let url = try TestFiles.temporaryFile(data, suffix: ".xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let sheet = try #require(try PythonOpenpyxl.read(url).first)
        #expect(sheet.rows.first?.first == "办理方案")
        #expect(Array(sheet.rows.dropFirst()) == rows)
        #expect(sheet.merged == ["A1:C1", "A3:A4", "B3:B4"])
        #expect(sheet.freeze == "A3")
        #expect(try XlsxReader.sheets(data: data, fileName: "附表1.xlsx").first?.rows.dropFirst().first == rows[0])
    }

    @Test func textIsSharedOnceAndFiguresAreNumbers() throws {
        let rows = [["名次", "单位", "得分"], ["1", "区财政局", "98.85"], ["2", "区民政局", "-0.5"], ["", "区财政局", "不纳入"]]
        let data = try XlsxWriter.data(sheets: [.init(name: "得分", rows: rows, numericColumns: [0, 2])])
        // assert: our reader and the raw parts agree on what was written
        #expect(try XlsxReader.sheets(data: data, fileName: "得分.xlsx").first?.rows == rows)
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ path: String) throws -> String {
            let entry = try #require(archive[path])
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<c r="C2" s="4"><v>98.85</v></c>"#))
        #expect(sheet.contains(#"<c r="C3" s="4"><v>-0.5</v></c>"#))
        #expect(sheet.contains(#"<c r="A2" s="4"><v>1</v></c>"#))
        #expect(!sheet.contains("inlineStr"))
        let strings = try part("xl/sharedStrings.xml")
        #expect(strings.contains(#"count="7" uniqueCount="6""#), "区财政局 is stored once for its two cells")
        #expect(XlsxWriter.numberText("0731") == nil && XlsxWriter.numberText("一、3") == nil)
    }

    @Test func csvQuotesWhatNeedsItAndNeverWritesAFormula() {
        let text = String(
            decoding: CsvWriter.data(rows: [["序号", "任务"], ["1", "建设“口袋公园”, 15个\n年内"], ["=SUM(A1)", "a\"b"]]),
            as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}序号,任务\r\n"))
        #expect(text.contains("1,\"建设“口袋公园”, 15个\n年内\"\r\n"))
        #expect(text.hasSuffix("'=SUM(A1),\"a\"\"b\"\r\n"))
    }

    @Test func aDamagedWorkbookIsRefusedInWords() {
        var data = Self.excelLikeWorkbook()
        data.count -= 30
        #expect(throws: FormatError.self) { try DocumentReader.read(data: data, fileName: "坏表.xlsx") }
    }
}
