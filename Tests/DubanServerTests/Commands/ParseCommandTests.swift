import DubanFormats
import DubanServer
import Foundation
import Testing

/// `duban parse`: exact exit status and output for good and bad input, on files we make in the test.
@Suite("duban parse")
struct ParseCommandTests {
    private func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duban-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test("A missing file exits 1 with one line naming it")
    func missingFile() {
        let outcome = ParseRunner.run(path: "/nonexistent/计划.txt", json: true)
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError == "duban: File not found: /nonexistent/计划.txt. Check the path and try again.\n")
    }

    @Test(
        "Empty, binary and image files exit 1 with one line each",
        arguments: [
            ("empty.txt", Data()), ("nul.txt", Data([0, 1, 2, 0, 0, 255, 0, 3])),
            ("scan.pdf.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])),
        ])
    func badInput(name: String, data: Data) throws {
        let url = try temporaryFile(name, data)
        let outcome = ParseRunner.run(path: url.path, json: true)
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("duban: "))
        #expect(outcome.standardError.filter { $0 == "\n" }.count == 1)
        #expect(outcome.standardError.contains(name))
    }

    @Test("A .docx whose directory points past its end exits 1 with one line, not a crash")
    func hostileWordFile() throws {
        let outcome = ParseRunner.run(path: HostileFiles.localHeaderPastEnd.path, json: true)
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(
            outcome.standardError == "duban: local-header-past-end.docx is not a valid Word document (the ZIP "
                + "container is damaged (the local header of word/document.xml is missing or outside the file)). Open it "
                + "in Word or WPS and save it again as .docx.\n")
    }

    @Test("A file with more tasks than one import may create exits 1 naming the limit")
    func tooManyTasks() throws {
        let url = try temporaryFile("huge.txt", HostileFiles.plan(tasks: 5_001))
        let outcome = ParseRunner.run(path: url.path, json: true)
        #expect(
            outcome
                == ParseRunner.Outcome(
                    exitCode: 1, standardOutput: "",
                    standardError:
                        "duban: cannot read huge.txt: the file holds more than 5000 tasks, more than one import "
                        + "may create; split it into its plans\n"))
    }

    @Test("A document with no task exits 1 and says so")
    func noTask() throws {
        let url = try temporaryFile("report.txt", Data("政府工作报告\n一、2024年工作回顾\n全年地区生产总值增长6%。\n".utf8))
        let outcome = ParseRunner.run(path: url.path, json: false)
        #expect(
            outcome
                == ParseRunner.Outcome(
                    exitCode: 1, standardOutput: "",
                    standardError:
                        "duban: no task found in report.txt: it does not look like a responsibility decomposition plan\n"
                ))
    }

    @Test("A Word document built here parses through the table layout, and the JSON follows the contract")
    func wordDocument() throws {
        let blocks: [DocxBlock] = [
            .paragraph("2025年区《政府工作报告》重点工作责任分解表"),
            .paragraph("责任单位：区民政局"),
            .table([
                ["序号", "工作标准", "分管区领导", "牵头单位", "责任单位"],
                ["1", "新建社区食堂4个。", "赵国强", "区民政局", "各街道办事处"],
                ["2", "新增家庭养老床位300张。", "赵国强 孙丽", "区民政局 区卫健局", ""],
            ]),
        ]
        let url = try temporaryFile("plan.docx", try DocxWriter.data(blocks: blocks))
        let outcome = ParseRunner.run(path: url.path, json: true)
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardError.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        #expect(json?["source"] as? String == "plan.docx")
        let documents = try #require(json?["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
        #expect(documents[0]["title"] as? String == "2025年区《政府工作报告》重点工作责任分解表")
        #expect(documents[0]["issuer"] is NSNull)
        let tasks = try #require(documents[0]["tasks"] as? [[String: Any]])
        #expect(tasks.map { $0["key"] as? String } == ["区民政局.1", "区民政局.2"])
        #expect(tasks[1]["leaders"] as? [String] == ["赵国强", "孙丽"])
        #expect(tasks[1]["leadUnits"] as? [String] == ["区民政局", "区卫健局"])
        #expect(tasks[0]["responsibleUnits"] as? [String] == ["各街道办事处"])
        #expect(tasks[0]["parent"] is NSNull)
        #expect(tasks[0]["deadline"] is NSNull)
        let expectedKeys: Set = [
            "key", "number", "kind", "sections", "text", "leaders", "overallLeadUnits", "leadUnits", "responsibleUnits",
            "assistingUnits", "deadline", "parent", "line",
        ]
        #expect(Set(tasks[0].keys) == expectedKeys)
    }

    @Test("A GB18030 file parses like its UTF-8 original, and the summary names the encoding")
    func gb18030() throws {
        let text = "2025年重点工作责任分解方案\n一、优化营商环境\n1.推行企业开办“一网通办”。(牵头单位:区行政审批局;责任单位:区市场监管局、税务局)\n"
        let url = try temporaryFile("plan-gbk.txt", try #require(GB18030.encode(text)))
        let outcome = ParseRunner.run(path: url.path, json: false)
        #expect(outcome.exitCode == 0)
        #expect(
            outcome.standardOutput == """
                plan-gbk.txt (GB18030): 1 plan(s)

                《2025年重点工作责任分解方案》
                  1 tasks: task 1
                  [一.1] 推行企业开办“一网通办”。 — 区行政审批局、区市场监管局、区税务局

                """)
    }
}

/// Encodes test text as GB18030 with the system's iconv, independently of the reader under test.
enum GB18030 {
    static func encode(_ text: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
