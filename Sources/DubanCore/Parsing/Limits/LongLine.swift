/// Cuts a line far longer than any paragraph of a plan into pieces the layout readers can afford.
///
/// A real paragraph is a few hundred characters; a single line of megabytes (a file without line breaks, or
/// one made to stall the reader) would make every per-line rule walk megabytes. The pieces keep the line's
/// number, so tasks and warnings still point at the right place.
enum LongLine {
    /// The longest line, in UTF-8 bytes (about 10,000 Chinese characters), read as one.
    static let maximumBytes = 30_000

    /// `raw` itself when short enough; otherwise pieces of at most `maximumBytes`, cut after the last "。" or
    /// "；" in each window (else at a character boundary).
    static func pieces(_ raw: Substring, limit: Int = maximumBytes) -> [Substring] {
        let bytes = raw.utf8
        guard bytes.count > limit else { return [raw] }
        var pieces: [Substring] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            guard let window = bytes.index(start, offsetBy: limit, limitedBy: bytes.endIndex),
                window < bytes.endIndex
            else {
                pieces.append(raw[start...])
                break
            }
            let cut = sentenceEnd(in: bytes[start..<window]) ?? scalarBoundary(at: window, in: raw)
            pieces.append(raw[start..<cut])
            start = cut
        }
        return pieces
    }

    /// The index just after the last "。" (E3 80 82) or "；" (EF BC 9B) in `window`, when that is not its start.
    private static func sentenceEnd(in window: Substring.UTF8View.SubSequence) -> String.Index? {
        let bytes = Array(window)
        var end = bytes.count
        while end >= 3 {
            let tail = (bytes[end - 3], bytes[end - 2], bytes[end - 1])
            if tail == (0xE3, 0x80, 0x82) || tail == (0xEF, 0xBC, 0x9B) {
                return window.index(window.startIndex, offsetBy: end)
            }
            end -= 1
        }
        return nil
    }

    /// `index` moved back to the start of the scalar it falls in, never back to the start of the line.
    private static func scalarBoundary(at index: String.Index, in raw: Substring) -> String.Index {
        var cut = index
        let bytes = raw.utf8
        while cut > bytes.startIndex, (bytes[cut] & 0xC0) == 0x80 { cut = bytes.index(before: cut) }
        return cut > bytes.startIndex ? cut : index
    }
}
