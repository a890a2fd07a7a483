import Foundation

/// Everything that can go wrong while turning a user's file into text.
///
/// Each case carries the file name so the terminal and the web UI can tell
/// the user which file failed and what to do about it, without a stack trace.
public enum FormatError: Error, Sendable, Equatable {
    /// No file exists at the given path.
    case fileNotFound(path: String)
    /// The file exists but could not be read or its encoding was not recognised.
    case unreadable(path: String, reason: String)
    /// The file holds no text at all (zero bytes or only whitespace).
    case empty(name: String)
    /// The file is a format we deliberately do not read (image, spreadsheet, old .doc).
    case unsupportedType(name: String, detected: String)
    /// The file looks like binary data rather than text.
    case binary(name: String)
    /// The file is a ZIP that claims to be Word but its content is broken.
    case invalidDocx(name: String, reason: String)
    /// `pdftotext` (poppler-utils) is needed for PDF files and is not installed.
    case pdfToolMissing
    /// `pdftotext` ran but failed on this file.
    case pdfFailed(name: String, reason: String)
    /// The PDF has no text layer, typically a scanned document.
    case pdfNoText(name: String)
    /// `pdftotext` ran past its time limit on this file and was stopped.
    case pdfTooSlow(name: String, seconds: Int)
    /// `pdftotext` wrote more text than any plan holds and was stopped.
    case pdfTooLarge(name: String, megabytes: Int)
}

extension FormatError: CustomStringConvertible {
    /// The English terminal message, so `print(error)` is useful as is.
    public var description: String { message }
}

extension FormatError {
    /// A one-line English message for the terminal: names the file and says what to do.
    public var message: String {
        switch self {
        case .fileNotFound(let path):
            return "File not found: \(path). Check the path and try again."
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason)."
        case .empty(let name):
            return "\(name) is empty: it contains no text. Check that you chose the right file."
        case .unsupportedType(let name, let detected):
            return "Cannot read \(name): unsupported file type (\(detected)). "
                + "Use a plain text (.txt), Word (.docx), Excel (.xlsx), web page (.html) or PDF file."
        case .binary(let name):
            return
                "\(name) looks like a binary file, not text. Use a plain text (.txt), Word (.docx), Excel (.xlsx), web page (.html) or PDF file."
        case .invalidDocx(let name, let reason):
            return
                "\(name) is not a valid Word document (\(reason)). Open it in Word or WPS and save it again as .docx."
        case .pdfToolMissing:
            return "pdftotext is not installed: install poppler-utils (e.g. apt-get install poppler-utils)"
        case .pdfFailed(let name, let reason):
            return "Cannot extract text from PDF \(name): \(reason). Check that the file opens in a PDF viewer."
        case .pdfNoText(let name):
            return "\(name) has no text layer (probably a scanned PDF). Use the original Word file or run OCR first."
        case .pdfTooSlow(let name, let seconds):
            return
                "Reading PDF \(name) took longer than \(seconds) seconds and was stopped. Use the original Word file."
        case .pdfTooLarge(let name, let megabytes):
            return "PDF \(name) holds more than \(megabytes) MB of text, more than any plan; reading was stopped."
        }
    }

    /// A one-sentence Simplified Chinese message for the web UI.
    public var chineseMessage: String {
        switch self {
        case .fileNotFound(let path):
            return "找不到文件“\(path)”，请检查路径后重试。"
        case .unreadable(let path, _):
            return "无法读取文件“\(path)”，请确认文件完整且文字编码为 UTF-8 或 GB18030（GBK），必要时另存为 UTF-8 后重试。"
        case .empty(let name):
            return "文件“\(name)”是空的，没有可读取的文字，请检查是否选错了文件。"
        case .unsupportedType(let name, let detected):
            return UnsupportedKind(rawValue: detected)?.chineseMessage(fileName: name)
                ?? "文件“\(name)”的格式暂不支持，请上传文本文件（.txt）、Word 文档（.docx）、Excel 表格（.xlsx）、网页（.html）或 PDF 文件。"
        case .binary(let name):
            return "文件“\(name)”不是文本文件，无法读取，请上传文本文件（.txt）、Word 文档（.docx）、Excel 表格（.xlsx）、网页（.html）或 PDF 文件。"
        case .invalidDocx(let name, _):
            return "文件“\(name)”不是有效的 Word 文档，可能已损坏，请用 Word 或 WPS 重新另存为 .docx 后再上传。"
        case .pdfToolMissing:
            return "服务器未安装 PDF 文字提取工具 pdftotext（poppler-utils），请联系管理员安装。"
        case .pdfFailed(let name, _):
            return "无法从 PDF 文件“\(name)”中提取文字，文件可能已损坏或已加密，请检查后重试。"
        case .pdfNoText(let name):
            return "PDF 文件“\(name)”没有文字层（可能是扫描件），请上传原始 Word 文件或先进行文字识别（OCR）。"
        case .pdfTooSlow(let name, let seconds):
            return "读取 PDF 文件“\(name)”超过 \(seconds) 秒仍未完成，已停止。请上传原始 Word 文件。"
        case .pdfTooLarge(let name, let megabytes):
            return "PDF 文件“\(name)”中的文字超过 \(megabytes) MB，远超方案文件的正常大小，已停止读取。"
        }
    }
}
