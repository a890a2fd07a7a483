import Foundation

/// Writes CSV as Excel and WPS open it without asking: UTF-8 with a byte-order mark (without it they read
/// Chinese as GBK), CRLF line ends, and RFC 4180 quoting of any field holding a comma, quote or line break.
/// A field a spreadsheet would take for a formula (starting with =, +, - or @) is prefixed with an apostrophe,
/// so an exported task text can never run as one.
public enum CsvWriter {
    /// The bytes of `rows`.
    public static func data(rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in rows {
            text += row.map(field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
