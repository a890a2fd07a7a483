import Foundation

/// The directory of a ZIP container (every Office file is one), read with every offset and size checked
/// against the file before it is used.
///
/// Why not hand the bytes to ZIPFoundation's `Archive`: it trusts the numbers it reads, and a 145-byte file
/// whose directory points its local header past the end makes it trap and take the whole server down. Here
/// the structure is parsed by bounds-checked reads; ZIPFoundation only inflates bytes already known to be
/// inside the file (`ZipArchive+Contents.swift`).
struct ZipArchive: Sendable {
    /// More parts than any Office file has; a directory claiming more is refused before it is walked.
    static let maximumEntries = 20_000

    private let window: ByteWindow
    /// Every entry, in directory order.
    let entries: [ZipEntry]

    init(data: Data) throws(ZipError) {
        window = ByteWindow(data)
        let directory = try Self.findDirectory(in: window)
        entries = try Self.readEntries(in: window, directory: directory)
    }

    /// The first entry with this path, as Office readers take it.
    subscript(path: String) -> ZipEntry? {
        entries.first { $0.path == path }
    }

    var bytes: ByteWindow { window }
}

/// Where the central directory is and how many entries it claims.
struct ZipDirectoryLocation: Sendable, Equatable {
    var offset: UInt64
    var size: UInt64
    var entryCount: UInt64
}

extension ZipArchive {
    private enum Signature {
        static let endOfDirectory: UInt32 = 0x0605_4B50
        static let zip64Locator: UInt32 = 0x0706_4B50
        static let zip64EndOfDirectory: UInt32 = 0x0606_4B50
        static let directoryEntry: UInt32 = 0x0201_4B50
    }
    private static let endRecordSize: UInt64 = 22
    private static let directoryEntrySize: UInt64 = 46

    /// The end-of-directory record is the last thing in the file, followed only by a comment of at most
    /// 65,535 bytes; so it is looked for in that tail only, from the end backwards.
    static func findDirectory(in window: ByteWindow) throws(ZipError) -> ZipDirectoryLocation {
        let count = UInt64(window.count)
        guard count >= endRecordSize else { throw .damaged("too short to be a ZIP file") }
        let earliest = count >= endRecordSize + 65_535 ? count - endRecordSize - 65_535 : 0
        var offset = count - endRecordSize
        while true {
            if window.uint32(at: offset) == Signature.endOfDirectory,
                let commentLength = window.uint16(at: offset + 20),
                offset + endRecordSize + UInt64(commentLength) <= count
            {
                return try location(endRecordAt: offset, in: window)
            }
            guard offset > earliest else { break }
            offset -= 1
        }
        throw .damaged("no end of central directory record")
    }

    private static func location(endRecordAt offset: UInt64, in window: ByteWindow) throws(ZipError)
        -> ZipDirectoryLocation
    {
        guard let entries = window.uint16(at: offset + 10), let size = window.uint32(at: offset + 12),
            let start = window.uint32(at: offset + 16)
        else { throw .damaged("short end record") }
        var location = ZipDirectoryLocation(offset: UInt64(start), size: UInt64(size), entryCount: UInt64(entries))
        if entries == .max || size == .max || start == .max {
            location = try zip64Location(endRecordAt: offset, in: window)
        }
        guard location.entryCount <= UInt64(maximumEntries) else {
            throw .damaged("the directory claims \(location.entryCount) entries")
        }
        guard window.contains(offset: location.offset, length: location.size) else {
            throw .damaged("the central directory lies outside the file")
        }
        return location
    }

    /// ZIP64 keeps the real numbers in a record that a locator just before the end record points to.
    private static func zip64Location(endRecordAt offset: UInt64, in window: ByteWindow) throws(ZipError)
        -> ZipDirectoryLocation
    {
        guard offset >= 20, window.uint32(at: offset - 20) == Signature.zip64Locator,
            let recordOffset = window.uint64(at: offset - 12),
            window.uint32(at: recordOffset) == Signature.zip64EndOfDirectory,
            let entries = window.uint64(at: recordOffset + 32), let size = window.uint64(at: recordOffset + 40),
            let start = window.uint64(at: recordOffset + 48)
        else { throw .damaged("the ZIP64 end record is missing or outside the file") }
        return ZipDirectoryLocation(offset: start, size: size, entryCount: entries)
    }

    static func readEntries(in window: ByteWindow, directory: ZipDirectoryLocation) throws(ZipError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(directory.entryCount))
        let end = directory.offset + directory.size
        var offset = directory.offset
        for _ in 0..<directory.entryCount {
            guard offset + directoryEntrySize <= end, window.uint32(at: offset) == Signature.directoryEntry,
                let nameLength = window.uint16(at: offset + 28), let extraLength = window.uint16(at: offset + 30),
                let commentLength = window.uint16(at: offset + 32)
            else { throw .damaged("directory entry \(entries.count + 1) is damaged") }
            let next = offset + directoryEntrySize + UInt64(nameLength) + UInt64(extraLength) + UInt64(commentLength)
            guard next <= end else { throw .damaged("directory entry \(entries.count + 1) runs past the directory") }
            entries.append(try entry(at: offset, nameLength: nameLength, extraLength: extraLength, in: window))
            offset = next
        }
        return entries
    }

    private static func entry(at offset: UInt64, nameLength: UInt16, extraLength: UInt16, in window: ByteWindow)
        throws(ZipError) -> ZipEntry
    {
        guard let flags = window.uint16(at: offset + 8), let method = window.uint16(at: offset + 10),
            let crc = window.uint32(at: offset + 16), let compressed = window.uint32(at: offset + 20),
            let uncompressed = window.uint32(at: offset + 24), let localOffset = window.uint32(at: offset + 42),
            let name = window.slice(offset: offset + directoryEntrySize, length: UInt64(nameLength)),
            let extra = window.slice(
                offset: offset + directoryEntrySize + UInt64(nameLength), length: UInt64(extraLength))
        else { throw .damaged("a directory entry is cut short") }
        var entry = ZipEntry(
            path: String(decoding: name, as: UTF8.self), method: method, flags: flags, crc32: crc,
            compressedSize: UInt64(compressed), uncompressedSize: UInt64(uncompressed),
            localHeaderOffset: UInt64(localOffset))
        if compressed == .max || uncompressed == .max || localOffset == .max {
            try ZipExtraField.applyZIP64(extra, to: &entry)
        }
        return entry
    }
}
