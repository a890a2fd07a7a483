import Foundation
import ZIPFoundation

extension ZipArchive {
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    private static let localHeaderSize: UInt64 = 30
    /// Inflated in pieces of this size, so memory stays bounded by the limit and not by what the file claims.
    private static let chunkSize = 64 * 1024

    /// The entry's bytes, inflated when compressed, refused once they pass `limit` bytes.
    ///
    /// The limit is counted on the bytes actually produced, never on the size the directory declares: a ZIP
    /// bomb under-declares its sizes. The CRC-32 is checked at the end, so a damaged part is not mistaken for
    /// a short document.
    func contents(of entry: ZipEntry, limit: Int) throws(ZipError) -> Data {
        guard !entry.isEncrypted else { throw .encrypted }
        let compressed = try compressedBytes(of: entry)
        let (data, checksum): (Data, UInt32)
        switch entry.method {
        case 0:
            guard compressed.count <= limit else { throw .tooLarge(limit: limit) }
            (data, checksum) = (compressed, compressed.crc32(checksum: 0))
        case 8:
            (data, checksum) = try Self.inflate(compressed, limit: limit)
        default:
            throw .unsupportedMethod(entry.method)
        }
        guard checksum == entry.crc32 else { throw .damaged("\(entry.path) fails its checksum") }
        return data
    }

    /// The entry's stored bytes, after checking that its local header and data lie inside the file.
    private func compressedBytes(of entry: ZipEntry) throws(ZipError) -> Data {
        let offset = entry.localHeaderOffset
        guard bytes.uint32(at: offset) == Self.localHeaderSignature,
            let nameLength = bytes.uint16(at: offset + 26), let extraLength = bytes.uint16(at: offset + 28)
        else { throw .damaged("the local header of \(entry.path) is missing or outside the file") }
        let start = offset + Self.localHeaderSize + UInt64(nameLength) + UInt64(extraLength)
        guard let data = bytes.slice(offset: start, length: entry.compressedSize) else {
            throw .damaged("the data of \(entry.path) runs past the end of the file")
        }
        return data
    }

    /// Raw deflate through ZIPFoundation's zlib binding, fed only from `compressed`.
    ///
    /// That binding tells zlib every input piece is a full chunk long and loops for ever when given an empty
    /// one, so the provider always hands over exactly one chunk — the last padded with zeros, which a valid
    /// stream never reaches — and throws when asked for input after that instead of returning nothing.
    private static func inflate(_ compressed: Data, limit: Int) throws(ZipError) -> (Data, UInt32) {
        var output = Data()
        var overLimit = false
        do {
            let checksum = try Data.decompress(
                size: Int64(compressed.count), bufferSize: chunkSize, skipCRC32: false,
                provider: { position, size in
                    guard position < Int64(compressed.count) || (position == 0 && compressed.isEmpty) else {
                        throw ZipError.damaged("compressed data ends early")
                    }
                    let start = Int(position)
                    let end = min(start + size, compressed.count)
                    var chunk = compressed.subdata(in: start..<end)
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { piece in
                    guard output.count + piece.count <= limit else {
                        overLimit = true
                        throw ZipError.tooLarge(limit: limit)
                    }
                    output.append(piece)
                })
            return (output, checksum)
        } catch let error as ZipError {
            throw error
        } catch {
            throw overLimit ? .tooLarge(limit: limit) : .damaged("compressed data is corrupt")
        }
    }
}
