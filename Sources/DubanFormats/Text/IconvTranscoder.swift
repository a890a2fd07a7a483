import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts legacy Chinese encodings to UTF-8 with the C library's iconv.
///
/// Foundation on Linux does not reliably support GB18030, but glibc's iconv
/// does (including its four-byte sequences), and Darwin ships iconv too.
enum IconvTranscoder {
    private static let chunkSize = 64 * 1024

    /// Decodes `bytes` from `sourceEncoding` (an iconv name such as "GB18030").
    ///
    /// Returns nil when the converter is unavailable or the input contains
    /// an invalid or truncated sequence, so the caller can report it cleanly.
    static func decode(_ bytes: [UInt8], from sourceEncoding: String) -> String? {
        let descriptor = iconv_open("UTF-8", sourceEncoding)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes
        let converted: [UInt8]? = input.withUnsafeMutableBytes { inputBuffer in
            guard let base = inputBuffer.baseAddress else { return [] }
            return convertAll(descriptor, input: base.assumingMemoryBound(to: CChar.self), count: inputBuffer.count)
        }
        guard let converted else { return nil }
        return StrictUnicode.decodeUTF8(converted)
    }

    /// Feeds the whole input through iconv, growing the output chunk by
    /// chunk whenever iconv reports E2BIG (output buffer full).
    private static func convertAll(
        _ descriptor: iconv_t, input: UnsafeMutablePointer<CChar>, count: Int
    ) -> [UInt8]? {
        var inputPointer: UnsafeMutablePointer<CChar>? = input
        var inputLeft = count
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while inputLeft > 0 {
            var failure: Int32 = 0
            let produced = chunk.withUnsafeMutableBytes { chunkBuffer -> Int in
                var outputPointer = chunkBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outputLeft = chunkBuffer.count
                if iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft) == -1 {
                    failure = errno
                }
                return chunkBuffer.count - outputLeft
            }
            output.append(contentsOf: chunk[0..<produced])
            if failure != 0 && failure != E2BIG { return nil }
        }
        return output
    }
}
