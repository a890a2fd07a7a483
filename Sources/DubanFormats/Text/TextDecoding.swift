import Foundation

/// Decodes plain-text plan files whose encoding nobody told us.
///
/// Government offices send UTF-8, UTF-16 (from Notepad's "Unicode") and a
/// lot of GBK/GB18030. We detect in a fixed order: byte order marks first,
/// then strict UTF-8, then GB18030 (a superset of GBK and GB2312).
public enum TextDecoding {
    /// Label used for strict UTF-8 without a byte order mark.
    public static let utf8Label = "UTF-8"
    /// Label used when a UTF-8 byte order mark was found and removed.
    public static let utf8BOMLabel = "UTF-8 (BOM)"
    /// Label used for little-endian UTF-16 with a byte order mark.
    public static let utf16LELabel = "UTF-16LE"
    /// Label used for big-endian UTF-16 with a byte order mark.
    public static let utf16BELabel = "UTF-16BE"
    /// Label used for GB18030 (and therefore GBK and GB2312) text.
    public static let gb18030Label = "GB18030"

    static let unrecognisedEncodingReason =
        "the text encoding could not be recognised (expected UTF-8, UTF-16 or GB18030/GBK)"

    /// Decodes `data` as text, normalises line endings and rejects empty or binary input.
    ///
    /// `fileName` only appears in errors, so the user knows which file to fix.
    public static func decode(_ data: Data, fileName: String) throws(FormatError) -> DecodedDocument {
        guard !data.isEmpty else { throw .empty(name: fileName) }
        let (raw, encoding, repairs) = try decodeCharacters(data, fileName: fileName)
        if BinaryHeuristics.isMostlyControl(raw.unicodeScalars.lazy.map(\.value)) {
            throw .binary(name: fileName)
        }
        let text = normalizeLineEndings(raw)
        guard !isBlank(text) else { throw .empty(name: fileName) }
        return DecodedDocument(text: text, format: .text, encoding: encoding, repairs: repairs)
    }

    /// Turns "\r\n", lone "\r", form feeds and Unicode line/paragraph
    /// separators into "\n", and drops a leading byte order mark.
    ///
    /// The parser splits on "\n" only; pdftotext separates pages with "\u{0C}".
    public static func normalizeLineEndings(_ text: String) -> String {
        guard needsLineEndingWork(text) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            let isLineFeedAfterCR = scalar == "\n" && previousWasCarriageReturn
            previousWasCarriageReturn = scalar == "\r"
            if isLineFeedAfterCR { continue }
            switch scalar {
            case "\r", "\u{0C}", "\u{2028}", "\u{2029}":
                output.append(0x0A)
            case "\u{FEFF}" where output.isEmpty:
                continue
            default:
                output.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// True when a byte sequence of CR, form feed, U+2028, U+2029 or a byte order mark occurs; most files
    /// have none, and skipping the rebuild keeps reading large files cheap.
    private static func needsLineEndingWork(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch (previous.0, previous.1, byte) {
            case (_, _, 0x0D), (_, _, 0x0C), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xEF, 0xBB, 0xBF): return true
            default: previous = (previous.1, byte)
            }
        }
        return false
    }

    /// True when `text` has no visible character, so there is nothing to parse.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    }

    private static func decodeCharacters(_ data: Data, fileName: String) throws(FormatError)
        -> (String, String, [DecodingRepair])
    {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let text = StrictUnicode.decodeUTF8(body) { return (text, utf8BOMLabel, []) }
            if let (text, repair) = repairedUTF8(body) { return (text, utf8BOMLabel, [repair]) }
            throw .unreadable(path: fileName, reason: "it starts with a UTF-8 byte order mark but is not valid UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = StrictUnicode.decodeUTF16(bytes.dropFirst(2), littleEndian: littleEndian) else {
                throw .unreadable(path: fileName, reason: "it is marked as UTF-16 but is not valid UTF-16")
            }
            return (text, littleEndian ? utf16LELabel : utf16BELabel, [])
        }
        return try decodeEightBit(bytes, fileName: fileName)
    }

    private static func decodeEightBit(_ bytes: [UInt8], fileName: String) throws(FormatError)
        -> (String, String, [DecodingRepair])
    {
        if bytes.contains(0) || BinaryHeuristics.isMostlyControl(bytes.lazy.map(UInt32.init)) {
            throw .binary(name: fileName)
        }
        if let text = StrictUnicode.decodeUTF8(bytes) {
            return (text, utf8Label, [])
        }
        // Before GB18030: that encoding accepts almost any run of high bytes, so UTF-8 with one cut character
        // would otherwise come out as plausible-looking nonsense.
        if let (text, repair) = repairedUTF8(bytes) {
            return (text, utf8Label, [repair])
        }
        if let text = IconvTranscoder.decode(bytes, from: "GB18030") {
            return (text, gb18030Label, [])
        }
        // A GB18030 file cut inside its last character (up to four bytes long).
        for cut in 1...3 where bytes.count > cut && isCutGB18030Character(bytes.suffix(cut)) {
            if let text = IconvTranscoder.decode(Array(bytes.dropLast(cut)), from: "GB18030") {
                return (text + "\u{FFFD}", gb18030Label, [DecodingRepair(lines: [], truncatedEnd: true)])
            }
        }
        throw .unreadable(path: fileName, reason: unrecognisedEncodingReason)
    }

    /// The start of a GB18030 character and nothing more: a lead byte, then for four-byte characters a digit
    /// byte and a second lead byte.
    private static func isCutGB18030Character(_ tail: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(tail)
        let lead: ClosedRange<UInt8> = 0x81...0xFE
        guard let first = bytes.first, lead.contains(first) else { return false }
        if bytes.count >= 2, !(0x30...0x39).contains(bytes[1]) { return false }
        if bytes.count == 3, !lead.contains(bytes[2]) { return false }
        return true
    }

    /// UTF-8 read with U+FFFD where it is damaged, when the damage is small enough (see `UTF8Damage`).
    private static func repairedUTF8(_ bytes: [UInt8]) -> (String, DecodingRepair)? {
        let damage = UTF8Damage(bytes)
        guard damage.isRepairable(byteCount: bytes.count) else { return nil }
        let repair = DecodingRepair(lines: damage.lines, truncatedEnd: damage.onlyTruncatedEnd)
        return (String(decoding: bytes, as: UTF8.self), repair)
    }
}
