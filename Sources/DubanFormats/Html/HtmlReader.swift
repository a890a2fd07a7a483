import Foundation

/// Reads web pages saved from a government site (.html/.htm): the bytes decoded as any text file is
/// (UTF-8, GB18030 for the many GBK pages), then the page's text in reading order with tables kept as
/// tab-separated rows (see `HtmlText`).
public enum HtmlReader {
    public static func read(data: Data, fileName: String) throws(FormatError) -> DecodedDocument {
        let page = try TextDecoding.decode(data, fileName: fileName)
        let text = TextDecoding.normalizeLineEndings(HtmlText.extract(page.text))
        guard !TextDecoding.isBlank(text) else { throw .empty(name: fileName) }
        return DecodedDocument(text: text, format: .html, encoding: page.encoding, repairs: page.repairs)
    }

    /// True when the text starts as a web page: a doctype or an <html>, <head> or <body> tag before any
    /// other text.
    static func looksLikeHTML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--"].contains { start.hasPrefix($0) }
            && (head.contains("<html") || head.contains("<body") || head.contains("<head"))
    }
}
