import Foundation
import Testing
@testable import DubanFormats

/// Encoding detection, line-ending normalisation and empty-input handling for plain text.
@Suite("Text decoding")
struct TextDecodingTests {
    @Test func plainUTF8() throws {
        let document = try DocumentReader.read(data: Data("一、总体要求\n1.任务一".utf8), fileName: "plan.txt")
        #expect(document == DecodedDocument(text: "一、总体要求\n1.任务一", format: .text, encoding: "UTF-8"))
    }

    @Test func utf8ByteOrderMarkIsRemoved() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("责任单位".utf8))
        let document = try DocumentReader.read(data: data, fileName: "bom.txt")
        #expect(document.text == "责任单位")
        #expect(document.text.unicodeScalars.first != "\u{FEFF}")
        #expect(document.encoding == "UTF-8 (BOM)")
    }

    @Test func utf16LittleEndianWithBOM() throws {
        let text = "牵头单位：区财政局 𠀀"
        let data = Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let document = try DocumentReader.read(data: data, fileName: "unicode.txt")
        #expect(document.text == text)
        #expect(document.encoding == "UTF-16LE")
    }

    @Test func utf16BigEndianWithBOM() throws {
        let text = "完成时限：2025年6月底"
        let data = Data([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let document = try DocumentReader.read(data: data, fileName: "unicode-be.txt")
        #expect(document.text == text)
        #expect(document.encoding == "UTF-16BE")
    }

    @Test func utf16WithOddByteCountIsUnreadable() {
        let error = capturedError {
            try DocumentReader.read(data: Data([0xFF, 0xFE, 0x41, 0x00, 0x42]), fileName: "odd.txt")
        }
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == "odd.txt")
    }

    @Test func gb18030Sentence() throws {
        let bytes = TestFiles.hex("d4f0c8ceb5a5cebba3bac7f8b2c6d5febed6a1a2c7f8cbb0cef1bed6")
        let document = try DocumentReader.read(data: Data(bytes), fileName: "gbk.txt")
        #expect(document.text == "责任单位：区财政局、区税务局")
        #expect(document.encoding == "GB18030")
        #expect(document.format == .text)
    }

    @Test func gb18030FourByteSequences() throws {
        // "任务" + U+20000 (95 32 82 36) + U+3400 (81 39 EE 39) + "完成"
        let bytes = TestFiles.hex("c8cecef1" + "95328236" + "8139ee39" + "cdeab3c9")
        let document = try DocumentReader.read(data: Data(bytes), fileName: "rare.txt")
        #expect(document.text == "任务𠀀㐀完成")
        #expect(document.encoding == "GB18030")
    }

    @Test func largeGB18030InputSpansManyIconvChunks() throws {
        let sentence = TestFiles.hex("d4f0c8ceb5a5cebba3bac7f8b2c6d5febed6a1a2c7f8cbb0cef1bed6") + [0x0A]
        let data = Data(Array(repeating: sentence, count: 10_000).joined())
        let document = try DocumentReader.read(data: data, fileName: "big.txt")
        #expect(document.lines.count == 10_001)
        #expect(document.lines.first == "责任单位：区财政局、区税务局")
        #expect(document.lines[9_999] == "责任单位：区财政局、区税务局")
    }

    @Test(arguments: [[0x41, 0x80, 0x42], [0x41, 0xFF, 0x42], [0xC8, 0xCE, 0x80, 0xD6, 0xCE]] as [[UInt8]])
    func undecodableBytesAreUnreadable(bytes: [UInt8]) {
        let error = capturedError { try DocumentReader.read(data: Data(bytes), fileName: "weird.txt") }
        guard case .unreadable(let path, let reason) = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == "weird.txt")
        #expect(reason.contains("could not be recognised"))
    }

    @Test func lineEndingsAreNormalised() throws {
        let data = Data("第一行\r\n第二行\r第三行\n第四行\u{0C}第五行\r\n".utf8)
        let document = try DocumentReader.read(data: data, fileName: "crlf.txt")
        #expect(document.text == "第一行\n第二行\n第三行\n第四行\n第五行\n")
        #expect(!document.text.unicodeScalars.contains("\r"))
    }

    @Test func normaliseKeepsBlankLinesBetweenCarriageReturns() {
        #expect(TextDecoding.normalizeLineEndings("a\r\r\nb\n\rc") == "a\n\nb\n\nc")
        #expect(TextDecoding.normalizeLineEndings("\u{FEFF}x\u{FEFF}") == "x\u{FEFF}")
    }

    @Test(arguments: [
        Data(),
        Data("   \r\n\t \u{3000}\n".utf8),
        Data([0xEF, 0xBB, 0xBF]),
        Data([0xFF, 0xFE, 0x20, 0x00]),
    ])
    func emptyOrWhitespaceOnly(data: Data) {
        #expect(throws: FormatError.empty(name: "blank.txt")) {
            try DocumentReader.read(data: data, fileName: "blank.txt")
        }
    }
}

/// Files that are almost right are read, with U+FFFD where they are not and a warning saying where.
@Suite("Text decoding of damaged files")
struct DamagedTextTests {
    static let paragraph = "1.推进政务服务“一网通办”，全年新增可网办事项120项。（责任单位：区政务服务局）\n"

    /// A 4 MiB plan in UTF-8 whose last character was cut in half, as a broken copy leaves it.
    @Test func aUTF8FileCutInsideItsLastCharacterIsReadWithAWarning() throws {
        let text = String(repeating: Self.paragraph, count: 4 * 1024 * 1024 / Self.paragraph.utf8.count) + "完成"
        let bytes = Array(text.utf8).dropLast(2)
        let document = try DocumentReader.read(data: Data(bytes), fileName: "方案.txt")
        #expect(document.encoding == "UTF-8")
        #expect(document.text == String(text.dropLast()) + "\u{FFFD}")
        #expect(document.repairs == [DecodingRepair(lines: [document.lines.count], truncatedEnd: true)])
        #expect(document.repairs.first?.chineseMessage.contains("文件末尾") == true)
    }

    @Test func aStrayByteInGoodUTF8IsReplacedAndItsLineNamed() throws {
        var bytes = Array(String(repeating: Self.paragraph, count: 200).utf8)
        let line = 57
        let offset = Array(String(repeating: Self.paragraph, count: line - 1).utf8).count + 4
        bytes[offset] = 0xFF
        let document = try DocumentReader.read(data: Data(bytes), fileName: "方案.txt")
        #expect(document.encoding == "UTF-8")
        #expect(document.repairs == [DecodingRepair(lines: [line], truncatedEnd: false)])
        #expect(document.lines[line - 1].contains("\u{FFFD}"))
        #expect(document.lines[line].hasPrefix("1.推进政务服务"))
    }

    /// GBK read as UTF-8 is damaged everywhere: it stays GB18030, never UTF-8 full of replacement characters.
    @Test func gbkTextIsNotMistakenForDamagedUTF8() throws {
        let gbk = TestFiles.hex("d4f0c8ceb5a5cebba3bac7f8b2c6d5febed6a1a2c7f8cbb0cef1bed6")
        let document = try DocumentReader.read(data: Data(gbk), fileName: "gbk.txt")
        #expect(document.encoding == "GB18030" && document.repairs.isEmpty)
        #expect(document.text == "责任单位：区财政局、区税务局")
    }

    @Test func aGB18030FileCutInsideItsLastCharacterIsReadWithAWarning() throws {
        let gbk = TestFiles.hex("d4f0c8ceb5a5cebba3bac7f8b2c6d5febed6a1a2c7f8cbb0cef1bed6")
        let document = try DocumentReader.read(data: Data(gbk.dropLast()), fileName: "gbk.txt")
        #expect(document.encoding == "GB18030")
        #expect(document.text == "责任单位：区财政局、区税务\u{FFFD}")
        #expect(document.repairs.first?.truncatedEnd == true)
    }

    @Test func noiseIsStillRefused() {
        let noise = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) | 0x80 }
        #expect(throws: FormatError.self) { try DocumentReader.read(data: Data(noise), fileName: "noise.txt") }
    }
}
