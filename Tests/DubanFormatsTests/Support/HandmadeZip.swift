import Foundation
import ZIPFoundation

/// Builds ZIP files byte by byte, so a test can state exactly which number in the container lies.
///
/// Entries are stored (not compressed) unless given already-deflated bytes; the directory's numbers can be
/// overridden one by one to make the damaged and hostile files real users and attackers send.
struct HandmadeZip {
    struct Entry {
        var path: String
        var stored: Data
        /// Bytes as they sit in the file (deflated when `method` is 8).
        var payload: Data
        var method: UInt16 = 0
        var crc: UInt32
        /// Overrides of what the directory and local header claim.
        var declaredCompressed: UInt32?
        var declaredUncompressed: UInt32?
        var localOffset: UInt32?

        init(path: String, text: String) {
            self.path = path
            stored = Data(text.utf8)
            payload = stored
            crc = stored.crc32(checksum: 0)
        }
    }

    var entries: [Entry]
    /// Overrides of the end record.
    var entryCount: UInt16?
    var directoryOffset: UInt32?

    /// The file's bytes.
    func bytes() -> Data {
        var file = Data()
        var directory = Data()
        for entry in entries {
            let name = Data(entry.path.utf8)
            let offset = UInt32(file.count)
            let compressed = entry.declaredCompressed ?? UInt32(entry.payload.count)
            let uncompressed = entry.declaredUncompressed ?? UInt32(entry.stored.count)
            file.append(le32(0x0403_4B50))
            file.append(le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0))
            file.append(le32(entry.crc) + le32(compressed) + le32(uncompressed))
            file.append(le16(UInt16(name.count)) + le16(0) + name + entry.payload)
            directory.append(le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(entry.method))
            directory.append(le16(0) + le16(0) + le32(entry.crc) + le32(compressed) + le32(uncompressed))
            directory.append(le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0))
            directory.append(le32(entry.localOffset ?? offset) + name)
        }
        let start = UInt32(file.count)
        file.append(directory)
        let count = entryCount ?? UInt16(entries.count)
        file.append(le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count))
        file.append(le32(UInt32(directory.count)) + le32(directoryOffset ?? start) + le16(0))
        return file
    }

    /// Raw deflate of `size` bytes of `byte`, made by ZIPFoundation's zlib binding without holding them.
    static func deflated(repeating byte: UInt8, size: Int) throws -> (payload: Data, crc: UInt32) {
        var payload = Data()
        let chunk = Data(repeating: byte, count: 64 * 1024)
        let crc = try Data.compress(
            size: Int64(size), bufferSize: chunk.count,
            provider: { position, length in
                chunk.prefix(length)
            }, consumer: { payload.append($0) })
        return (payload, crc)
    }

    private func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private func le32(_ value: UInt32) -> Data { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}
