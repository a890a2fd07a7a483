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
        let count = suffix.utf8.count
        guard count <= utf8.count else { return false }
        return utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    /// True when the UTF-8 bytes of `needle` occur in this text.
    @inlinable
    func bytesContain(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in ByteSearch.contains(haystack, pattern) }
        }
        if let found, let result = found { return result }
        return ByteSearch.contains(Array(utf8)[...], Array(needle.utf8)[...])
    }
}

/// The naive substring search behind `bytesContain`: the texts are short lines and the patterns a few
/// characters, where anything cleverer costs more than it saves.
@usableFromInline
enum ByteSearch {
    @inlinable
    static func contains<C: RandomAccessCollection>(_ haystack: C, _ pattern: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard let first = pattern.first else { return true }
        guard haystack.count >= pattern.count else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - pattern.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < pattern.count, haystack[index + offset] == pattern[pattern.startIndex + offset] {
                    offset += 1
                }
                if offset == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension StringProtocol {
    /// True when the text has at most `limit` unicode scalars. Stops counting past the limit, so a length
    /// test on a long line costs what the limit costs (`count` walks every grapheme of the line).
    @inlinable
    func scalarCountIsAtMost(_ limit: Int) -> Bool {
        var seen = 0
        for _ in unicodeScalars {
            seen += 1
            if seen > limit { return false }
        }
        return true
    }

    /// True when the text has at least `limit` unicode scalars.
    @inlinable
    func scalarCountIsAtLeast(_ limit: Int) -> Bool { !scalarCountIsAtMost(limit - 1) }
}
