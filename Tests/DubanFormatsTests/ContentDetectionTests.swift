import Foundation
import Testing
@testable import DubanFormats

/// Type detection by content: images, binaries, old .doc, non-Word ZIPs and file-system errors.
@Suite("Content detection")
struct ContentDetectionTests {
    /// Deterministic pseudo-random bytes so failures are reproducible.
    private static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test(
        arguments: [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "PNG"),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], "JPEG"),
            (Array("GIF89a".utf8) + [0x01, 0x00], "GIF"),
        ] as [([UInt8], String)])
    func imagesAreUnsupported(bytes: [UInt8], kind: String) {
        let error = capturedError { try DocumentReader.read(data: Data(bytes), fileName: "scan.txt") }
        guard case .unsupportedType(let name, let detected) = error else {
            Issue.record("expected .unsupportedType, got \(String(describing: error))")
            return
        }
        #expect(name == "scan.txt")
        #expect(detected.contains(kind))
        #expect(error?.chineseMessage.contains("图片") == true)
    }

    @Test func randomBytesWithNulAreBinary() {
        var bytes = Self.noise(count: 4096, seed: 42)
        bytes[100] = 0
        #expect(throws: FormatError.binary(name: "blob.txt")) {
            try DocumentReader.read(data: Data(bytes), fileName: "blob.txt")
        }
    }

    @Test func controlHeavyBytesWithoutNulAreBinary() {
        let bytes = Self.noise(count: 4096, seed: 7).map { $0 == 0 ? 1 : $0 }
        #expect(!bytes.contains(0))
        #expect(throws: FormatError.binary(name: "noise.bin")) {
            try DocumentReader.read(data: Data(bytes), fileName: "noise.bin")
        }
    }

    @Test func textWithAStrayControlByteIsStillText() throws {
        let text = String(repeating: "推进政务服务标准化。", count: 20) + "\u{1A}"
        let document = try DocumentReader.read(data: Data(text.utf8), fileName: "stray.txt")
        #expect(document.text.hasPrefix("推进政务服务标准化"))
    }

    @Test func oldWordDocIsUnsupportedWithHint() {
        let bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        let error = capturedError { try DocumentReader.read(data: Data(bytes), fileName: "计划.doc") }
        guard case .unsupportedType(_, let detected) = error, let error else {
            Issue.record("expected .unsupportedType, got \(String(describing: error))")
            return
        }
        #expect(detected.contains(".doc"))
        #expect(error.message.contains("save it as .docx"))
        #expect(error.message.contains("计划.doc"))
        #expect(error.chineseMessage.contains("另存为 .docx"))
    }

    @Test func zipWithoutWordDocumentIsUnsupported() throws {
        let zip = try TestFiles.zip([("notes/readme.txt", "hello")])
        #expect(throws: FormatError.unsupportedType(name: "plan.docx", detected: UnsupportedKind.zipArchive.rawValue)) {
            try DocumentReader.read(data: zip, fileName: "plan.docx")
        }
    }

    @Test func aWorkbookWithoutSheetsIsEmpty() throws {
        let types =
            "<Types><Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
        let zip = try TestFiles.zip([("[Content_Types].xml", types), ("xl/workbook.xml", "<workbook/>")])
        #expect(throws: FormatError.empty(name: "台账.xlsx")) { try DocumentReader.read(data: zip, fileName: "台账.xlsx") }
    }

    @Test func damagedZipIsInvalidDocx() {
        let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Self.noise(count: 200, seed: 3)
        let error = capturedError { try DocumentReader.read(data: Data(bytes), fileName: "broken.docx") }
        guard case .invalidDocx(let name, _) = error else {
            Issue.record("expected .invalidDocx, got \(String(describing: error))")
            return
        }
        #expect(name == "broken.docx")
    }

    @Test func detectionIgnoresTheFileName() throws {
        let text = try DocumentReader.read(data: Data("纯文本计划".utf8), fileName: "plan.docx")
        #expect(text.format == .text)
        let docx = try DocxWriter.data(blocks: [.paragraph("Word 计划")])
        let word = try DocumentReader.read(data: docx, fileName: "plan.txt")
        #expect(word.format == .docx)
        #expect(word.text == "Word 计划")
    }

    @Test func missingFileIsReported() {
        let url = URL(fileURLWithPath: "/nonexistent/duban/plan.txt")
        #expect(throws: FormatError.fileNotFound(path: "/nonexistent/duban/plan.txt")) {
            try DocumentReader.read(fileAt: url)
        }
    }

    @Test func directoryIsUnreadable() {
        let error = capturedError { try DocumentReader.read(fileAt: FileManager.default.temporaryDirectory) }
        guard case .unreadable = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
    }
}
