import Foundation
import Testing
@testable import DubanFormats

/// `pdftotext` under a hostile file, played by stand-in scripts named pdftotext: one that never ends (as one
/// process, as pdftotext is, or leaving a process behind), one that prints without end, one that reports the
/// memory it was allowed. The reader stops each within its limits and
/// says why, in both languages.
@Suite("PDF reader's child limits", .serialized)
struct PdfChildLimitsTests {
    /// A folder holding a `pdftotext` that runs `script`.
    static func standIn(_ script: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duban-pdftotext-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent("pdftotext")
        try ("#!/bin/sh\n" + script + "\n").write(to: tool, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        return folder
    }

    static let pdf = MinimalPDF.make(lines: ["Duban PDF test line"])

    /// `exec sleep`: the stand-in is the sleeping process; `sleep`: it leaves a sleeping process behind holding
    /// the pipes, which must not be waited for either.
    @Test(arguments: ["exec sleep 30", "sleep 30"])
    func aChildThatNeverEndsIsStoppedOnTime(script: String) throws {
        let folder = try Self.standIn(script)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        #expect(throws: FormatError.pdfTooSlow(name: "卡住.pdf", seconds: 1)) {
            try PdfTextExtractor.read(
                data: Self.pdf, fileName: "卡住.pdf", searchPath: folder.path, limits: ChildLimits(seconds: 1))
        }
        #expect(Date().timeIntervalSince(started) < 10, "stopped at its limit, not when the child chose to end")
    }

    @Test func aChildThatPrintsWithoutEndIsStopped() throws {
        let folder = try Self.standIn("exec yes 加快推进重点项目建设")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: FormatError.pdfTooLarge(name: "无尽.pdf", megabytes: 1)) {
            try PdfTextExtractor.read(
                data: Self.pdf, fileName: "无尽.pdf", searchPath: folder.path,
                limits: ChildLimits(seconds: 30, outputBytes: 1_048_576))
        }
    }

    @Test func theChildRunsWithItsMemoryLimit() throws {
        let folder = try Self.standIn("echo \"一、重点工作 内存上限 $(ulimit -v)\"")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try PdfTextExtractor.read(
            data: Self.pdf, fileName: "内存.pdf", searchPath: folder.path,
            limits: ChildLimits(memoryBytes: 512 * 1024 * 1024))
        #expect(document.text.contains("内存上限 524288"))
    }
}
