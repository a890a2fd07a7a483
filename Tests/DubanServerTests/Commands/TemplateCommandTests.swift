@testable import DubanServer
import DubanFormats
import Foundation
import Testing

/// `duban template`: files it cannot read or write fail in the command's own words, exit 1, never as a
/// usage error; a good run writes a workbook an independent reader opens.
@Suite("duban template")
struct TemplateCommandTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duban-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A missing plan, a plan without tasks and an unwritable output each exit 1 with one line")
    func failures() throws {
        // setup
        let folder = try folder()
        let empty = folder.appendingPathComponent("通知.txt")
        try Data("关于做好2026年重点工作督办的通知\n请各单位认真抓好落实。\n".utf8).write(to: empty)
        let output = folder.appendingPathComponent("x.xlsx").path
        // act
        let missing = try TemplateCommand.parse(["/nonexistent/方案.txt", "-o", output]).outcome()
        let noTask = try TemplateCommand.parse([empty.path, "-o", output]).outcome()
        let unwritable = try TemplateCommand.parse(["-o", "/nonexistent/dir/x.xlsx"]).outcome()
        // assert
        for outcome in [missing, noTask, unwritable] {
            #expect(outcome.exitCode == 1 && outcome.standardOutput.isEmpty)
            #expect(outcome.standardError.hasPrefix("duban: ") && !outcome.standardError.contains("Usage"))
            #expect(outcome.standardError.filter { $0 == "\n" }.count == 1)
        }
        #expect(noTask.standardError.contains("no task found in 通知.txt"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("A blank template is written and reads back as a workbook")
    func blank() throws {
        // setup
        let output = try folder().appendingPathComponent("模板.xlsx")
        // act
        let outcome = try TemplateCommand.parse(["-o", output.path, "--year", "2026"]).outcome()
        // assert
        #expect(outcome == .success("wrote \(output.path)\n"))
        let decoded = try DocumentReader.read(fileAt: output)
        #expect(decoded.text.contains("序号") && decoded.text.contains("牵头单位"))
    }
}
