import Foundation
import Testing
import ZIPFoundation
@testable import DubanFormats

/// DocxWriter output read back by DocxReader and, when installed, by python-docx.
@Suite("DOCX writer and reader round trip")
struct DocxRoundTripTests {
    static let blocks: [DocxBlock] = [
        .paragraph("一、深化“放管服”改革"),
        .paragraph("1.推进审批服务“马上办”\t（2025年底前）"),
        .table([
            ["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "建设政务服务“好差评”体系", "区发改局\n区科经局", "2025年9月"],
            ["2", "压减证明事项 <20%> & 材料", "区司法局", "长期"],
        ]),
        .paragraph("二、强化督查问责\n（每季度通报）"),
    ]

    @Test func readerReturnsTheWrittenLines() throws {
        let data = try DocxWriter.data(blocks: Self.blocks, title: "重点任务督办清单")
        let document = try DocumentReader.read(data: data, fileName: "清单.docx")
        #expect(document.format == .docx)
        #expect(document.encoding == "UTF-8")
        #expect(
            document.lines == [
                "重点任务督办清单",
                "一、深化“放管服”改革",
                "1.推进审批服务“马上办”\t（2025年底前）",
                "序号\t工作任务\t责任单位\t完成时限",
                "1\t建设政务服务“好差评”体系\t区发改局 区科经局\t2025年9月",
                "2\t压减证明事项 <20%> & 材料\t区司法局\t长期",
                "二、强化督查问责",
                "（每季度通报）",
            ])
    }

    @Test func blocksKeepTableStructure() throws {
        let data = try DocxWriter.data(blocks: Self.blocks)
        let blocks = try DocxReader.blocks(data: data, fileName: "清单.docx")
        #expect(blocks.count == 4)
        #expect(
            blocks[2]
                == .table([
                    ["序号", "工作任务", "责任单位", "完成时限"],
                    ["1", "建设政务服务“好差评”体系", "区发改局 区科经局", "2025年9月"],
                    ["2", "压减证明事项 <20%> & 材料", "区司法局", "长期"],
                ]))
        #expect(blocks[3] == .paragraph("二、强化督查问责\n（每季度通报）"))
    }

    @Test func shortRowsArePaddedAndInvalidCharactersDropped() throws {
        let data = try DocxWriter.data(blocks: [
            .table([["甲", "乙", "丙"], ["只有一格"]]),
            .paragraph("控制字符\u{01}已删除\r\n换行"),
        ])
        let blocks = try DocxReader.blocks(data: data, fileName: "pad.docx")
        #expect(
            blocks == [
                .table([["甲", "乙", "丙"], ["只有一格", "", ""]]),
                .paragraph("控制字符已删除\n换行"),
            ])
    }

    @Test func packageHasTheRequiredParts() throws {
        let data = try DocxWriter.data(blocks: Self.blocks, title: "标题")
        let archive = try Archive(data: data, accessMode: .read)
        let paths = Set(archive.map(\.path))
        #expect(paths == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml"])
        #expect(try DocxWriter.data(blocks: Self.blocks, title: "标题") == data, "output should be reproducible")
    }

    @Test(
        .enabled(if: PythonDocx.isAvailable, "python-docx is not installed (pip install python-docx); CI installs it")
    )
    func pythonDocxReadsTheWrittenFile() throws {
        let data = try DocxWriter.data(blocks: Self.blocks, title: "重点任务督办清单")
        let url = try TestFiles.temporaryFile(data, suffix: ".docx")
        defer { try? FileManager.default.removeItem(at: url) }

        let contents = try PythonDocx.read(url)
        #expect(contents.title == "重点任务督办清单")
        #expect(
            contents.paragraphs == [
                "重点任务督办清单",
                "一、深化“放管服”改革",
                "1.推进审批服务“马上办”\t（2025年底前）",
                "二、强化督查问责\n（每季度通报）",
            ])
        #expect(contents.tables.count == 1)
        #expect(contents.tables.first?[1] == ["1", "建设政务服务“好差评”体系", "区发改局\n区科经局", "2025年9月"])
        #expect(contents.tables.first?[2][1] == "压减证明事项 <20%> & 材料")
    }
}
