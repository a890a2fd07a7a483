/// A place where a file's bytes could not be read as text and were replaced by U+FFFD (�): the document is
/// still read, and the person importing it is told where to look.
public struct DecodingRepair: Sendable, Equatable {
    /// 1-based lines of the decoded text holding replacements (the first few).
    public var lines: [Int]
    /// True when only the file's last character was cut off.
    public var truncatedEnd: Bool

    /// One English sentence for the terminal.
    public var message: String {
        truncatedEnd
            ? "the file ends in the middle of a character (it may have been cut off); the last character was "
                + "replaced by \u{FFFD}"
            : "some bytes are not valid UTF-8 and were replaced by \u{FFFD} (line \(linesText)); check them "
                + "against the original"
    }

    /// One Simplified Chinese sentence for the pages.
    public var chineseMessage: String {
        truncatedEnd
            ? "文件末尾有一个不完整的字符（文件可能未完整保存或传输），已用“\u{FFFD}”代替，请核对最后一项。"
            : "第 \(linesText) 行有无法识别的字节，已用“\u{FFFD}”代替，请对照原文件核对。"
    }

    private var linesText: String { lines.map(String.init).joined(separator: "、") }
}
