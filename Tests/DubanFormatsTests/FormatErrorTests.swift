import Foundation
import Testing
@testable import DubanFormats

/// Every error explains itself in English and Chinese and names the file.
@Suite("Error messages")
struct FormatErrorTests {
    static let named: [FormatError] =
        [
            .fileNotFound(path: "/data/督查计划.txt"),
            .unreadable(path: "督查计划.txt", reason: TextDecoding.unrecognisedEncodingReason),
            .empty(name: "督查计划.txt"),
            .unsupportedType(name: "督查计划.txt", detected: "something unknown"),
            .binary(name: "督查计划.txt"),
            .invalidDocx(name: "督查计划.txt", reason: "the ZIP container is damaged"),
            .pdfFailed(name: "督查计划.txt", reason: "Syntax Error: Couldn't read xref table"),
            .pdfNoText(name: "督查计划.txt"),
            .pdfTooSlow(name: "督查计划.txt", seconds: 60),
            .pdfTooLarge(name: "督查计划.txt", megabytes: 64),
        ] + UnsupportedKind.allCases.map { .unsupportedType(name: "督查计划.txt", detected: $0.rawValue) }

    @Test(arguments: named)
    func messagesNameTheFile(error: FormatError) {
        #expect(error.message.contains("督查计划.txt"))
        #expect(error.chineseMessage.contains("督查计划.txt"))
        #expect(TestFiles.containsChinese(error.chineseMessage.replacingOccurrences(of: "督查计划", with: "")))
        #expect(!error.message.contains("\n") && !error.chineseMessage.contains("\n"))
        #expect(error.description == error.message)
    }

    @Test func toolMissingMessages() {
        let error = FormatError.pdfToolMissing
        #expect(error.message.contains("poppler-utils"))
        #expect(TestFiles.containsChinese(error.chineseMessage))
        #expect(error.chineseMessage.contains("pdftotext"))
    }

    @Test func unreadableEncodingSaysSo() {
        let error = FormatError.unreadable(path: "a.txt", reason: TextDecoding.unrecognisedEncodingReason)
        #expect(error.message.contains("encoding could not be recognised"))
        #expect(error.chineseMessage.contains("GB18030"))
    }
}
