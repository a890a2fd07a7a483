/// Prefix, suffix and substring tests on UTF-8 bytes.
///
/// The parser asks these questions hundreds of thousands of times per document. Foundation's
/// `contains(_:)` goes through NSString and the standard library's `hasPrefix`/`hasSuffix` compare
/// grapheme clusters; both are an order of magnitude slower than comparing bytes, and for the fixed
/// vocabulary the parser looks for (all in NFC, as documents are) the answers are the same.
extension StringProtocol {
    /// True when the UTF-8 bytes of `prefix` start this text.
    @inlinable
    func bytesHasPrefix(_ prefix: String) -> Bool {
        var mine = utf8.makeIterator()
        for byte in prefix.utf8 {
            guard mine.next() == byte else { return false }
        }
        return true
    }

    /// True when the UTF-8 bytes of `suffix` end this text.
    @inlinable
    func bytesHasSuffix(_ suffix: String) -> Bool {
        let needle = suffix.utf8
        guard needle.count <= utf8.count else { return false }
        return utf8.reversed().starts(with: needle.reversed())
    }

    /// True when the UTF-8 bytes of `needle` occur in this text.
    @inlinable
    func bytesContain(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let haystack = Array(utf8)
        guard haystack.count >= pattern.count else { return false }
        var index = 0
        let last = haystack.count - pattern.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
