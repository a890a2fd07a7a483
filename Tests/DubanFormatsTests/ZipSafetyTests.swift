import Foundation
import Testing
@testable import DubanFormats

/// Damaged and hostile ZIP files end in a clear `FormatError`, never in a trap that would take the server down.
@Suite("ZIP containers under abuse")
struct ZipSafetyTests {
    static let document = """
        <?xml version="1.0" encoding="UTF-8"?><w:document \
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
        <w:p><w:r><w:t>1.推进政务服务“一网通办”。（责任单位：区政务服务局）</w:t></w:r></w:p></w:body></w:document>
        """

    static func reason(of data: Data) -> String? {
        do {
            _ = try DocumentReader.read(data: data, fileName: "方案.docx")
            return nil
        } catch {
            if case .invalidDocx(_, let reason) = error { return reason }
            return "\(error)"
        }
    }

    @Test func aWellFormedHandmadeFileReads() throws {
        let zip = HandmadeZip(entries: [.init(path: "word/document.xml", text: Self.document)])
        let decoded = try DocumentReader.read(data: zip.bytes(), fileName: "方案.docx")
        #expect(decoded.text == "1.推进政务服务“一网通办”。（责任单位：区政务服务局）")
    }

    /// The 145-byte file that used to trap inside ZIPFoundation's in-memory archive.
    @Test func aLocalHeaderPastTheEndIsRefused() throws {
        let data = try Data(contentsOf: TestFiles.fixture("hostile/local-header-past-end.docx"))
        #expect(data.count == 145)
        let reason = try #require(Self.reason(of: data))
        #expect(reason.contains("local header"))
    }

    @Test func dataRunningPastTheEndIsRefused() {
        var entry = HandmadeZip.Entry(path: "word/document.xml", text: Self.document)
        entry.declaredCompressed = 0x7FFF_FFFF
        let reason = Self.reason(of: HandmadeZip(entries: [entry]).bytes())
        #expect(reason?.contains("past the end") == true)
    }

    @Test func aDirectoryOutsideTheFileIsRefused() {
        var zip = HandmadeZip(entries: [.init(path: "word/document.xml", text: Self.document)])
        zip.directoryOffset = 0xFFFF_FFFF
        #expect(Self.reason(of: zip.bytes())?.contains("ZIP64") == true)
        zip.directoryOffset = 0x00FF_FFF0
        #expect(Self.reason(of: zip.bytes())?.contains("outside the file") == true)
    }

    @Test func aDirectoryClaimingMoreEntriesThanItHoldsIsRefused() {
        var zip = HandmadeZip(entries: [.init(path: "word/document.xml", text: Self.document)])
        zip.entryCount = 40
        #expect(Self.reason(of: zip.bytes())?.contains("directory entry 2") == true)
    }

    /// 80 MB of one byte deflates to about 80 KB; the directory says it is 1 KB.
    @Test func aZipBombStopsAtTheLimitCountedWhileInflating() throws {
        let (payload, crc) = try HandmadeZip.deflated(repeating: UInt8(ascii: "a"), size: 80 * 1024 * 1024)
        var entry = HandmadeZip.Entry(path: "word/document.xml", text: "")
        entry.payload = payload
        entry.method = 8
        entry.crc = crc
        entry.declaredUncompressed = 1024
        let data = HandmadeZip(entries: [entry]).bytes()
        #expect(data.count < 1024 * 1024)
        let reason = try #require(Self.reason(of: data))
        #expect(reason.contains("expand beyond 64 MB"))
    }

    @Test func aWrongChecksumIsDamage() {
        var entry = HandmadeZip.Entry(path: "word/document.xml", text: Self.document)
        entry.crc ^= 1
        #expect(Self.reason(of: HandmadeZip(entries: [entry]).bytes())?.contains("checksum") == true)
    }

    @Test func truncatedDeflateDataEndsInsteadOfLooping() throws {
        let (payload, crc) = try HandmadeZip.deflated(repeating: UInt8(ascii: "b"), size: 1024 * 1024)
        var entry = HandmadeZip.Entry(path: "word/document.xml", text: "")
        entry.payload = payload.prefix(payload.count / 2)
        entry.method = 8
        entry.crc = crc
        #expect(Self.reason(of: HandmadeZip(entries: [entry]).bytes()) != nil)
    }

    @Test func anEncryptedPartIsNamedAsSuch() throws {
        var data = HandmadeZip(entries: [.init(path: "word/document.xml", text: Self.document)]).bytes()
        // The general purpose flag of the directory entry: bit 0, encrypted.
        let directory = try #require(data.range(of: Data([0x50, 0x4B, 0x01, 0x02])))
        data[directory.lowerBound + 8] = 1
        #expect(Self.reason(of: data)?.contains("password") == true)
    }

    /// Every single-byte change and every truncation of a small valid file gives a result or an error —
    /// the test process surviving is the assertion that matters.
    @Test func everyMutationOfASmallFileEndsCleanly() throws {
        let original = try TestFiles.zip([
            ("[Content_Types].xml", DocxPackageParts.contentTypes), ("word/document.xml", Self.document),
        ])
        var outcomes = 0
        for length in stride(from: 0, through: original.count, by: 7) {
            _ = Self.reason(of: original.prefix(length))
            outcomes += 1
        }
        var generator = SplitMix(seed: 2026)
        for _ in 0..<4000 {
            var data = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<data.count, using: &generator)
                data[index] =
                    [0x00, 0xFF, 0x7F, 0x80, UInt8.random(in: 0...255, using: &generator)]
                    .randomElement(using: &generator) ?? 0
            }
            _ = Self.reason(of: data)
            outcomes += 1
        }
        #expect(outcomes > 4000)
    }
}

/// A small seeded generator, so a mutation that ever fails can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
