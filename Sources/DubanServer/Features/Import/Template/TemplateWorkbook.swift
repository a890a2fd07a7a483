import DubanCore
import DubanFormats
import Foundation

/// The bytes of Duban's Excel template, blank or filled from a reading, with columns wide enough to fill
/// by hand: the task column widest, the single-word columns narrow.
enum TemplateWorkbook {
    /// The workbook for `sheets` (from `PlanTemplate.blank` or `PlanTemplate.filled`).
    static func data(_ sheets: [PlanTemplate.Sheet]) throws -> Data {
        try XlsxWriter.data(
            sheets: sheets.map { sheet in
                let header = sheet.rows.count > 1 ? sheet.rows[1] : []
                let widths = header.isEmpty ? [90] : header.map(width(of:))
                return XlsxWriter.Sheet(name: sheet.name, rows: sheet.rows, widths: widths)
            })
    }

    /// The file name a download offers: the plan's title when there is one.
    static func fileName(title: String?) -> String {
        let safe = FileDownload.safeName(title ?? "", fallback: "").prefix(60)
        return safe.isEmpty ? "Duban导入模板.xlsx" : "\(safe)（导入模板）.xlsx"
    }

    private static func width(of column: String) -> Double {
        switch column {
        case "序号": 6
        case "任务", "上级下达任务": 60
        case "责任领导", "完成时限", "类别": 14
        case "备注": 20
        default: 24
        }
    }
}
