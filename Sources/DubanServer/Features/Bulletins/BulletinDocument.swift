import DubanCore
import DubanFormats
import Foundation

/// A bulletin as the official document (公文) it is issued as, and its annex tables as a workbook.
enum BulletinDocument {
    /// The document: the red masthead with the 期号, the title, the body in the bulletins' skeleton, the
    /// signature and the annex tables, each on its own pages.
    static func official(
        _ bulletin: Bulletin, content: BulletinContent, facts: BulletinFacts
    ) -> OfficialDocument {
        let date = CalendarDay(bulletin.signedOn)?.chinese ?? bulletin.signedOn
        var blocks: [OfficialBlock] = [.heading1("一、总体情况"), .paragraph(content.overall)]
        if !content.praise.isEmpty {
            blocks.append(.paragraph(content.praise))
            let praised = content.praised.filter(\.kept).map(\.text)
            if !praised.isEmpty { blocks.append(.paragraph(praised.joined(separator: "\n"))) }
        }
        blocks.append(.heading1("二、进展滞后和存在问题"))
        let laggards = content.laggards.filter(\.kept).map(\.text)
        blocks.append(.paragraph(laggards.isEmpty ? "本期没有进展滞后的任务。" : laggards.joined(separator: "\n")))
        if !content.findings.isEmpty {
            let lines = content.findingLines.filter(\.kept).map(\.text)
            blocks.append(.paragraph(([content.findings] + lines).joined(separator: "\n")))
        }
        let quality = content.qualityLines.filter(\.kept).map(\.text)
        if !content.quality.isEmpty, !quality.isEmpty {
            blocks.append(.paragraph(([content.quality] + quality).joined(separator: "\n")))
        }
        blocks.append(.heading1("三、下一步要求"))
        blocks.append(.paragraph(content.requirements))
        let attachments = BulletinComposer.annexTables(facts).enumerated().map { index, table in
            OfficialDocument.Attachment(
                label: "附件\(index + 1)", title: table.title,
                blocks: table.rows.isEmpty
                    ? [.paragraph("无。")]
                    : [
                        .table(
                            OfficialTable(
                                header: table.header, rows: table.rows, columnWidths: [3, 1, 6, 5], mergedColumns: [0]))
                    ])
        }
        return OfficialDocument(
            masthead: .init(organ: bulletin.organ, name: "督查通报", issue: "第\(bulletin.issueNumber)期", date: date),
            title: bulletin.title, addressee: "各有关单位：", blocks: blocks,
            signature: .init(organ: bulletin.organ, date: date), attachments: attachments)
    }

    /// The annex tables as a workbook, one sheet each, a unit's name merged over its rows.
    static func annexWorkbook(_ facts: BulletinFacts, issue: String) throws -> Data {
        let sheets = BulletinComposer.annexTables(facts).enumerated().map { index, table in
            XlsxWriter.Sheet(
                name: "附件\(index + 1)", rows: [table.header] + table.rows, widths: [24, 8, 50, 50],
                title: "\(issue) 附件\(index + 1) \(table.title)", merges: merges(table.rows), freezesHeader: true)
        }
        return try XlsxWriter.data(sheets: sheets)
    }

    /// The runs of one unit's rows in the first column, as merges below the header.
    static func merges(_ rows: [[String]]) -> [XlsxWriter.Merge] {
        guard !rows.isEmpty else { return [] }
        var merges: [XlsxWriter.Merge] = []
        var start = 0
        for index in 1...rows.count where index == rows.count || rows[index].first != rows[start].first {
            if index - start > 1 { merges.append(.init(rows: (start + 1)...index, columns: 0...0)) }
            start = index
        }
        return merges
    }
}
