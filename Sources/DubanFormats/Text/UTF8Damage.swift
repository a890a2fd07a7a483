/// Where a file that is almost valid UTF-8 is not: a last character cut off by a truncated download or copy,
/// or a stray byte or two in megabytes of good text. Such files are read with U+FFFD in those places and a
/// warning naming the lines, instead of being refused outright.
struct UTF8Damage: Sendable, Equatable {
    /// Invalid sequences found.
    var invalidSequences = 0
    /// Valid characters of two or more bytes: Chinese text has many; GBK read as UTF-8 has few or none.
    var multibyteCharacters = 0
    /// 1-based lines of the first few invalid sequences.
    var lines: [Int] = []
    /// True when the only damage is an incomplete character at the very end.
    var onlyTruncatedEnd = false

    /// How many damaged lines a warning names.
    static let linesNamed = 5

    /// Scans `bytes` once.
    init(_ bytes: [UInt8]) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var lastErrorEnd = 0
        scan: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 { multibyteCharacters += 1 } else if encoded.first == 0x0A { line += 1 }
                offset += encoded.count
            case .error(let length):
                invalidSequences += 1
                if lines.count < Self.linesNamed, lines.last != line { lines.append(line) }
                offset += length
                lastErrorEnd = offset
            case .emptyInput:
                break scan
            }
        }
        onlyTruncatedEnd =
            invalidSequences == 1 && lastErrorEnd == bytes.count && bytes.count > 0
            && (bytes.count - Self.tailStart(bytes)) < 4
    }

    /// Where the final, incomplete sequence begins: the last lead byte of a multi-byte sequence.
    private static func tailStart(_ bytes: [UInt8]) -> Int {
        var index = bytes.count - 1
        while index > 0, bytes[index] & 0xC0 == 0x80, bytes.count - index < 4 { index -= 1 }
        return index
    }

    /// Damage small enough to read through: a cut last character, or at most one bad sequence per 2,000
    /// bytes among at least ten times as many good Chinese characters (GBK read as UTF-8 fails both).
    func isRepairable(byteCount: Int) -> Bool {
        if onlyTruncatedEnd { return true }
        return invalidSequences > 0 && invalidSequences <= max(1, byteCount / 2_000)
            && multibyteCharacters >= invalidSequences * 10
    }
}
