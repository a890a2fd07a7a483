import Foundation

/// The extra fields of a directory entry; only ZIP64's extended information matters for reading.
enum ZipExtraField {
    private static let zip64HeaderID: UInt16 = 0x0001

    /// Replaces the 32-bit sizes and offset that are set to 0xFFFFFFFF by the 64-bit values of the ZIP64
    /// field, which lists exactly those, in this order: uncompressed size, compressed size, local offset.
    static func applyZIP64(_ extra: Data, to entry: inout ZipEntry) throws(ZipError) {
        let window = ByteWindow(extra)
        var offset: UInt64 = 0
        while let id = window.uint16(at: offset), let length = window.uint16(at: offset + 2) {
            let body = offset + 4
            guard window.contains(offset: body, length: UInt64(length)) else { break }
            if id == zip64HeaderID {
                var cursor = body
                let end = body + UInt64(length)
                func next() throws(ZipError) -> UInt64 {
                    guard cursor + 8 <= end, let value = window.uint64(at: cursor) else {
                        throw .damaged("a ZIP64 field is cut short")
                    }
                    cursor += 8
                    return value
                }
                if entry.uncompressedSize == UInt64(UInt32.max) { entry.uncompressedSize = try next() }
                if entry.compressedSize == UInt64(UInt32.max) { entry.compressedSize = try next() }
                if entry.localHeaderOffset == UInt64(UInt32.max) { entry.localHeaderOffset = try next() }
                return
            }
            offset = body + UInt64(length)
        }
        throw .damaged("an entry's ZIP64 sizes are missing")
    }
}
