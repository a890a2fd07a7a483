import Foundation
import Testing
@testable import DubanFormats

/// PDF tests run whether or not poppler is installed: without `pdftotext`
/// they assert the `.pdfToolMissing` error instead of the extracted text.
@Suite("PDF extraction", .serialized)
struct PdfExtractionTests {
    static let toolInstalled =
        ExecutableLocator.locate("pdftotext", searchPath: ExecutableLocator.processSearchPath) != nil

    @Test func minimalPdfFromBytes() {
        let pdf = MinimalPDF.make(lines: ["Duban PDF test line", "Second (line) here"])
        let result = Result { () throws(FormatError) in try DocumentReader.read(data: pdf, fileName: "tiny.pdf") }
        guard Self.toolInstalled else {
            #expect(throws: FormatError.pdfToolMissing) { try result.get() }
            return
        }
        guard case .success(let document) = result else {
            Issue.record("extraction failed: \(result)")
            return
        }
        #expect(document.format == .pdf)
        #expect(document.encoding == "UTF-8")
        #expect(document.lines.contains("Duban PDF test line"))
        #expect(document.lines.contains("Second (line) here"))
        #expect(!document.text.unicodeScalars.contains("\u{0C}"), "page breaks become line feeds")
    }

    @Test func minimalPdfFromFile() throws {
        let url = try TestFiles.temporaryFile(MinimalPDF.make(lines: ["Duban PDF test line"]), suffix: ".pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = Result { () throws(FormatError) in try DocumentReader.read(fileAt: url) }
        if Self.toolInstalled {
            #expect(try result.get().text.contains("Duban PDF test line"))
        } else {
            #expect(throws: FormatError.pdfToolMissing) { try result.get() }
        }
    }

    @Test func pageWithoutTextIsReportedAsScanned() {
        let error = capturedError { try DocumentReader.read(data: MinimalPDF.make(lines: []), fileName: "scan.pdf") }
        #expect(error == (Self.toolInstalled ? .pdfNoText(name: "scan.pdf") : .pdfToolMissing))
    }

    @Test func brokenPdfFailsCleanly() {
        let data = Data("%PDF-1.7\nthis is not really a PDF\n".utf8)
        let error = capturedError { try DocumentReader.read(data: data, fileName: "broken.pdf") }
        switch error {
        case .pdfFailed(let name, let reason):
            #expect(name == "broken.pdf")
            #expect(!reason.isEmpty)
        case .pdfNoText(let name):
            #expect(name == "broken.pdf")
        case .pdfToolMissing:
            #expect(!Self.toolInstalled)
        default:
            Issue.record("expected a PDF error, got \(String(describing: error))")
        }
    }

    @Test func missingToolIsReportedWithInstallHint() {
        let pdf = MinimalPDF.make(lines: ["Duban PDF test line"])
        let error = capturedError { try PdfTextExtractor.read(data: pdf, fileName: "tiny.pdf", searchPath: "") }
        #expect(error == .pdfToolMissing)
        #expect(
            error?.message == "pdftotext is not installed: install poppler-utils (e.g. apt-get install poppler-utils)")
    }

    @Test func temporaryCopiesAreRemoved() throws {
        let directory = FileManager.default.temporaryDirectory
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasPrefix("duban-") && $0.hasSuffix(".pdf") && !$0.hasPrefix("duban-formats-test-") }
        }
        let before = try leftovers()
        _ = try? DocumentReader.read(data: MinimalPDF.make(lines: ["x"]), fileName: "a.pdf")
        _ = try? DocumentReader.read(data: Data("%PDF-1.4 junk".utf8), fileName: "b.pdf")
        #expect(try leftovers() == before)
    }
}
