import Foundation

/// Strict UTF-8 and UTF-16 decoding that fails instead of inserting U+FFFD.
///
/// Encoding detection depends on rejecting invalid input: a lossy decoder
/// would accept GBK bytes as "UTF-8" full of replacement characters.
/// Implemented on the standard library codecs so it behaves the same on
/// Linux and macOS.
enum StrictUnicode {
    /// Decodes UTF-8 bytes, or returns nil if any sequence is invalid.
    static func decodeUTF8(_ bytes: some Collection<UInt8>) -> String? {
        // The standard library validates and copies in one pass; per-scalar decoding is ten times slower.
        String(validating: bytes, as: UTF8.self)
    }

    /// Decodes UTF-16 bytes of the given byte order, or returns nil if the
    /// byte count is odd or a surrogate is unpaired.
    static func decodeUTF16(_ bytes: some Collection<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count.isMultiple(of: 2) else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            let (low, high) = littleEndian ? (first, second) : (second, first)
            units.append(UInt16(high) << 8 | UInt16(low))
        }
        return decode(units, codec: UTF16())
    }

    private static func decode<Codec: UnicodeCodec>(
        _ units: some Sequence<Codec.CodeUnit>, codec: Codec
    ) -> String? {
        var codec = codec
        var iterator = units.makeIterator()
        var scalars = String.UnicodeScalarView()
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }
}
