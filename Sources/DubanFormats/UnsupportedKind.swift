import Foundation

/// File kinds we recognise but deliberately refuse, with advice per kind.
///
/// The raw value is the English `detected` text stored in
/// `FormatError.unsupportedType`, so the Chinese message can be derived
/// from the error without widening its public shape.
enum UnsupportedKind: String, Sendable, CaseIterable {
    case oldWordDoc = "old Word .doc format; save it as .docx"
    case spreadsheet = "an Excel workbook without its sheets (or an old .xls); save it again as .xlsx"
    case presentation = "a PowerPoint presentation (.pptx)"
    case zipArchive = "a ZIP archive that is not a Word document"
    case png = "a PNG image"
    case jpeg = "a JPEG image"
    case gif = "a GIF image"

    /// The Simplified Chinese sentence the web UI shows for this kind.
    func chineseMessage(fileName name: String) -> String {
        let supported = "请上传文本文件（.txt）、Word 文档（.docx）、Excel 表格（.xlsx）、网页（.html）或 PDF 文件。"
        switch self {
        case .oldWordDoc:
            return "文件“\(name)”是旧版 Word（.doc）格式，暂不支持，请在 Word 或 WPS 中另存为 .docx 后重新上传。"
        case .spreadsheet:
            return "文件“\(name)”是无法读取的 Excel 表格（可能是旧版 .xls），请在 Excel 或 WPS 中另存为 .xlsx 后重新上传。"
        case .presentation:
            return "文件“\(name)”是 PowerPoint 演示文稿，暂不支持，" + supported
        case .zipArchive:
            return "文件“\(name)”是压缩包而不是 Word 文档，请解压后" + supported
        case .png, .jpeg, .gif:
            return "文件“\(name)”是图片，无法读取其中的文字，" + supported
        }
    }
}
