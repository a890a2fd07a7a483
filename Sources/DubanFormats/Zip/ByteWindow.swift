import Foundation

/// Little-endian reads from a file's bytes where every read is checked against the end of the file.
///
/// A ZIP's numbers (offsets, sizes, counts) come from whoever made the file; each one is only a claim until
/// the bytes it points at are known to exist. Reads here return nil instead of trapping, so a damaged or
/// hostile archive ends in a `ZipError`, never in a crash.
struct ByteWindow: Sendable {
    let bytes: Data

    init(_ bytes: Data) {
        // Rebased so that offsets count from zero whatever slice the caller handed in.
        self.bytes = Data(bytes)
    }

    var count: Int { bytes.count }

    /// True when `length` bytes starting at `offset` lie inside the file (without overflowing).
    func contains(offset: UInt64, length: UInt64) -> Bool {
        let (end, overflow) = offset.addingReportingOverflow(length)
        return !overflow && end <= UInt64(bytes.count)
    }

    func uint16(at offset: UInt64) -> UInt16? {
        guard contains(offset: offset, length: 2) else { return nil }
        let start = Int(offset)
        return UInt16(bytes[start]) | UInt16(bytes[start + 1]) << 8
    }

    func uint32(at offset: UInt64) -> UInt32? {
        guard let low = uint16(at: offset), let high = uint16(at: offset + 2) else { return nil }
        return UInt32(low) | UInt32(high) << 16
    }

    func uint64(at offset: UInt64) -> UInt64? {
        guard let low = uint32(at: offset), let high = uint32(at: offset + 4) else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }

    /// The bytes of a range known to be inside the file, or nil.
    func slice(offset: UInt64, length: UInt64) -> Data? {
        guard contains(offset: offset, length: length) else { return nil }
        return bytes.subdata(in: Int(offset)..<Int(offset + length))
    }
}
