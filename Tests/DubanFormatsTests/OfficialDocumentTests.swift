import Foundation
import Testing
import ZIPFoundation
@testable import DubanFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A 督查通报 written as a GB/T 9704 official document, read back by python-docx and by DocxReader.
@Suite("OfficialDocumentTests")
struct OfficialDocumentTests {
    static let intro =
        "为推动市委、市政府重大决策部署落地见效，10月中旬，市政府督查室会同市发展改革委、市统计局，"
        + "对各区、各部门第三季度重点工作推进情况开展了专项督查。现将有关情况通报如下。"
    static let overview =
        "截至9月30日，全市42项重点工作中已完成28项、按序时推进11项、滞后3项。全市规模以上工业增加值同比增长5.6%，"
        + "低于目标0.9个百分点；固定资产投资完成年度计划的71.5%，高于序时进度4.2个百分点。"
    static let fast = "城镇老旧小区改造、城市燃气管道更新等民生实事进展较快，多数已提前完成年度任务。"
    static let problems =
        "部分区工业技改项目开工不足，东城区、临江区规上工业增加值增速分别低于目标1.2个和0.9个百分点。"
        + "请相关单位于11月10日前报送整改措施。"
    static let progressHeader = ["序号", "责任事项", "责任单位", "进展情况"]
    static let progressRows = [
        ["1", "城镇老旧小区改造", "市住房城乡建设局", "已开工86个小区，完成年度任务的92%"],
        ["2", "城市燃气管道老化更新", "市住房城乡建设局", "完成改造112公里，提前完成年度任务"],
        ["3", "工业企业技术改造", "市工业和信息化局", "新开工项目23个，低于目标0.9个百分点"],
    ]
    static let lagHeader = ["序号", "滞后事项", "责任单位", "整改时限"]
    static let lagRows = [
        ["1", "东城区工业技改项目开工不足", "东城区人民政府", "2026年11月30日"],
        ["2", "临江区规上工业增加值增速偏低", "临江区人民政府"],
    ]

    static let bulletin = OfficialDocument(
        masthead: .init(organ: "云州市人民政府督查室", name: "督查通报", issue: "第3期", date: "2026年10月25日"),
        title: "关于2026年第三季度重点工作推进情况的通报",
        addressee: "各区人民政府，市政府各部门：",
        blocks: [
            .paragraph(intro), .heading1("一、总体情况"), .paragraph(overview), .heading2("（一）进展较快的工作"),
            .paragraph(fast),
            .table(
                OfficialTable(
                    caption: "表1　第三季度重点工作推进情况", header: progressHeader, rows: progressRows,
                    columnWidths: [0.7, 2.2, 1.8, 3.3], mergedColumns: [2])),
            .heading1("二、存在的问题"), .paragraph(problems),
        ],
        signature: .init(organ: "云州市人民政府督查室", date: "2026年10月25日"),
        attachments: [
            .init(
                label: "附件1", title: "第三季度滞后事项清单",
                blocks: [.table(OfficialTable(header: lagHeader, rows: lagRows, mergedColumns: [2]))]),
            .init(
                label: "附件2", title: "第四季度重点督查事项安排",
                blocks: [.paragraph("11月：重点督查“两重”项目建设情况。\n12月：重点督查年度民生实事完成情况。")]),
        ]
    )

    /// The document's paragraphs outside tables, in order.
    static let paragraphTexts = [
        "督查通报", "第3期", "云州市人民政府督查室\t2026年10月25日", "关于2026年第三季度重点工作推进情况的通报",
        "各区人民政府，市政府各部门：", intro, "一、总体情况", overview, "（一）进展较快的工作", fast,
        "表1　第三季度重点工作推进情况", "二、存在的问题", problems, "附件：1.第三季度滞后事项清单",
        "2.第四季度重点督查事项安排", "云州市人民政府督查室", "2026年10月25日", "附件1", "第三季度滞后事项清单",
        "附件2", "第四季度重点督查事项安排", "11月：重点督查“两重”项目建设情况。", "12月：重点督查年度民生实事完成情况。",
    ]

    static let pythonMissing: Comment = "python-docx is not installed (pip install python-docx); CI installs it"

    @Test(.enabled(if: PythonDocx.isAvailable, pythonMissing))
    func pythonDocxReadsParagraphsAndTablesInOrder() throws {
        // setup
        let data = try Self.bulletin.data()

        // act
        let contents = try Self.readWithPython(data)

        // assert
        #expect(contents.paragraphs.map(\.text) == Self.paragraphTexts)
        #expect(contents.title == "关于2026年第三季度重点工作推进情况的通报")
        #expect(contents.tables.count == 2)
        #expect(contents.tables.first?.rows == [Self.progressHeader] + Self.progressRows)
        #expect(contents.tables.first?.repeatsHeader == [true, false, false, false])
        #expect(
            contents.tables.last?.rows == [Self.lagHeader]
                + Self.lagRows.map { $0 + Array(repeating: "", count: 4 - $0.count) })
    }

    @Test(.enabled(if: PythonDocx.isAvailable, pythonMissing))
    func pythonDocxSeesTheStandardPageAndFooters() throws {
        // setup
        let data = try Self.bulletin.data()

        // act
        let contents = try Self.readWithPython(data)

        // assert
        #expect(
            contents.section
                == .init(width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474))
        #expect(contents.oddAndEvenFooters)
        #expect(contents.footers.map(\.text) == ["— 1 —", "— 1 —"])
        #expect(
            contents.footers.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } } == [["PAGE"], ["PAGE"]])
        #expect(contents.footers.map { $0.paragraph?.alignment } == ["right", "left"])
        #expect(contents.footers.first?.paragraph?.eastAsia == "宋体")
        #expect(contents.footers.first?.paragraph?.size == "28")
    }

    @Test(.enabled(if: PythonDocx.isAvailable, pythonMissing))
    func pythonDocxSeesTheOfficialTypefaces() throws {
        // setup
        let data = try Self.bulletin.data()

        // act
        let contents = try Self.readWithPython(data)
        let paragraph = { (text: String) in contents.paragraphs.first { $0.text == text } }

        // assert
        let name = try #require(paragraph("督查通报"))
        #expect([name.eastAsia, name.color, name.size, name.alignment] == ["方正小标宋简体", "FF0000", "84", "center"])
        let title = try #require(paragraph("关于2026年第三季度重点工作推进情况的通报"))
        #expect([title.eastAsia, title.size, title.alignment] == ["方正小标宋简体", "44", "center"])
        let heading1 = try #require(paragraph("一、总体情况"))
        #expect([heading1.eastAsia, heading1.size, heading1.firstLineIndent] == ["黑体", "32", "640"])
        #expect(paragraph("（一）进展较快的工作")?.eastAsia == "楷体_GB2312")
        let body = try #require(paragraph(Self.overview))
        #expect(
            [body.eastAsia, body.size, body.alignment, body.firstLineIndent] == ["仿宋_GB2312", "32", "both", "640"])
        #expect([body.line, body.lineRule] == ["579", "exact"])
        #expect(paragraph("各区人民政府，市政府各部门：")?.firstLineIndent == nil)
        let label = try #require(paragraph("附件1"))
        #expect([label.eastAsia, label.pageBreakBefore, label.alignment] == ["黑体", "true", "left"])
        #expect(paragraph("附件2")?.pageBreakBefore == "true")
        let header = try #require(contents.tables.first?.headerCell)
        #expect([header.eastAsia, header.bold, header.alignment] == ["黑体", "true", "center"])
        let cell = try #require(contents.tables.first?.bodyCell)
        #expect([cell.eastAsia, cell.size] == ["仿宋_GB2312", "24"])
    }

    @Test func docxReaderReadsTheSameTextWithMergedCellsBlank() throws {
        // setup
        let data = try Self.bulletin.data()
        var expected = Self.paragraphTexts.map { DocxBlock.paragraph($0) }
        var merged = [Self.progressHeader] + Self.progressRows
        merged[2][2] = ""
        expected.insert(.table(merged), at: 11)
        expected.insert(.table([Self.lagHeader] + [Self.lagRows[0], Self.lagRows[1] + [""]]), at: 20)

        // act
        let blocks = try DocxReader.blocks(data: data, fileName: "督查通报.docx")

        // assert
        #expect(blocks == expected)
    }

    @Test func hostileTextStillYieldsAValidFile() throws {
        // setup
        let long = String(repeating: "督查", count: 5_000)
        let hostile = "\u{01}<&>\u{0B}\"'\u{FFFE}" + long + "\u{1F}"
        let table = OfficialTable(caption: hostile, header: [hostile], rows: [[hostile, "<&>"]], mergedColumns: [0])
        let document = OfficialDocument(
            masthead: .init(organ: hostile, name: hostile, issue: hostile, date: hostile), title: hostile,
            addressee: hostile, blocks: [.heading1(hostile), .heading2(hostile), .paragraph(hostile), .table(table)],
            signature: .init(organ: hostile, date: hostile),
            attachments: [.init(label: hostile, title: hostile, blocks: [.paragraph(hostile)])])

        // act
        let data = try document.data()
        let blocks = try DocxReader.blocks(data: data, fileName: "hostile.docx")

        // assert
        let clean = "<&>\"'" + long
        #expect(blocks.first == .paragraph(clean))
        #expect(blocks.contains(.table([[clean, ""], [clean, "<&>"]])))
        #expect(blocks.count == 16)
        try Self.expectWellFormedParts(data)
        if PythonDocx.isAvailable {
            let contents = try Self.readWithPython(data)
            #expect(contents.title == clean)
            #expect(contents.paragraphs.count == 15)
        }
    }

    @Test func titleOnlyDocumentIsValid() throws {
        // setup
        let document = OfficialDocument(title: "关于2026年第三季度重点工作\n推进情况的通报")

        // act
        let data = try document.data()
        let blocks = try DocxReader.blocks(data: data, fileName: "通报.docx")

        // assert
        #expect(blocks == [.paragraph("关于2026年第三季度重点工作\n推进情况的通报")])
        try Self.expectWellFormedParts(data)
        if PythonDocx.isAvailable {
            let contents = try Self.readWithPython(data)
            #expect(contents.paragraphs.map(\.text) == ["关于2026年第三季度重点工作\n推进情况的通报"])
            #expect(contents.title == "关于2026年第三季度重点工作推进情况的通报")
            #expect(contents.footers.first?.fields.isEmpty == false)
        }
    }

    @Test func outputIsReproducibleAndHasEveryPart() throws {
        // setup
        let data = try Self.bulletin.data()

        // act
        let again = try Self.bulletin.data()
        let paths = try Set(Archive(data: data, accessMode: .read).map(\.path))

        // assert
        #expect(again == data)
        #expect(
            paths == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                "word/footer1.xml", "word/footer2.xml",
            ])
        let styles = try Self.part("word/styles.xml", of: data)
        for font in ["仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"] {
            #expect(styles.contains("w:eastAsia=\"\(font)\""), "styles should set \(font) for Chinese text")
        }
        #expect(styles.contains("w:ascii=\"Times New Roman\""))
        #expect(
            styles.contains("<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"FF0000\"/>"), "red rule")
    }

    @Test func pageBreaksMoveToTheNextParagraphAndTrailingOnesVanish() throws {
        // setup
        let table = OfficialTable(header: ["序号", "事项"], rows: [["1", "城市更新"]])
        let document = OfficialDocument(
            title: "督查事项",
            blocks: [.paragraph("甲"), .pageBreak, .paragraph("乙"), .pageBreak, .table(table), .pageBreak])

        // act
        let data = try document.data()
        let blocks = try DocxReader.blocks(data: data, fileName: "分页.docx")
        let xml = try Self.part("word/document.xml", of: data)

        // assert
        #expect(
            blocks == [
                .paragraph("督查事项"), .paragraph("甲"), .paragraph("乙"), .paragraph(""),
                .table([["序号", "事项"], ["1", "城市更新"]]),
            ])
        #expect(xml.components(separatedBy: "<w:pageBreakBefore/>").count - 1 == 2)
    }

    @Test func singleAttachmentIsListedWithoutNumber() throws {
        // setup
        let document = OfficialDocument(
            title: "关于开展营商环境专项督查的通知", blocks: [.paragraph("请认真组织自查。")],
            signature: .init(organ: "云州市人民政府督查室", date: "2026年3月2日"),
            attachments: [.init(label: "附件", title: "营商环境专项督查\n自查表")])

        // act
        let blocks = try DocxReader.blocks(data: try document.data(), fileName: "通知.docx")

        // assert
        #expect(
            Array(blocks.flatMap(\.lines).dropFirst(2).prefix(2)) == ["附件：营商环境专项督查自查表", "云州市人民政府督查室"])
    }

    @Test func signatureOrganIsCentredOverTheDate() {
        // act
        let shorter = OfficialBodyWriter.signatureIndents(organ: "云州市人民政府督查室", date: "2026年10月25日")
        let longer = OfficialBodyWriter.signatureIndents(organ: String(repeating: "督", count: 20), date: "2026年1月5日")

        // assert
        #expect(shorter == (250, 400))
        #expect(longer == (0, 400))
    }

    @Test func onlyEqualNonBlankCellsInListedColumnsMerge() {
        // setup
        let table = OfficialTable(
            header: [], rows: [["1", "市教育局", ""], ["2", "市教育局", ""], ["2", "市民政局"]], columnWidths: [1, 0, 3],
            mergedColumns: [1, 2, 7])

        // act
        let roles = table.mergeRoles()
        let widths = table.columnTwips(total: 8845)

        // assert
        #expect(roles.map { $0[1] } == [.start, .continued, .single])
        #expect(roles.map { $0[0] } == [.single, .single, .single])
        #expect(roles.map { $0[2] } == [.single, .single, .single])
        #expect(widths.reduce(0, +) == 8845)
        #expect(widths == [1474, 2948, 4423])
    }

    private static func readWithPython(_ data: Data) throws -> PythonOfficialDocx.Contents {
        let url = try TestFiles.temporaryFile(data, suffix: ".docx")
        defer { try? FileManager.default.removeItem(at: url) }
        return try PythonOfficialDocx.read(url)
    }

    private static func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func expectWellFormedParts(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive {
            let text = try part(entry.path, of: data)
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse() && parser.parserError == nil, "\(entry.path) should be well-formed XML")
        }
    }
}
