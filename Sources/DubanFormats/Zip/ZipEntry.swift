/// One file inside a ZIP container, as its central directory describes it. Nothing here has been read from
/// the entry's data yet; `ZipArchive.contents(of:limit:)` checks the local header before reading.
struct ZipEntry: Sendable, Equatable {
    /// The entry's path inside the archive, e.g. "word/document.xml".
    var path: String
    /// 0 stored, 8 deflate.
    var method: UInt16
    /// General purpose flags; bit 0 means encrypted.
    var flags: UInt16
    var crc32: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var localHeaderOffset: UInt64

    var isEncrypted: Bool { flags & 0x0001 != 0 }
}
