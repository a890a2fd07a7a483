import DubanCore
import DubanFormats
import Foundation
import Testing

/// Duban's Excel template is the documented fallback for plans the reader cannot read, so what it writes
/// must read back as the same tasks: every document of our fixtures and of the seeds goes out to a template
/// workbook and comes back through the ordinary reader with every field equal.
@Suite("Excel template round trip")
struct TemplateRoundTripTests {
    @Test("A fixture plan written to the template reads back the same", arguments: FixturePlanTests.fixtures)
    func fixtureRoundTrip(name: String) throws {
        let decoded = try DocumentReader.read(fileAt: TestPaths.fixture(name))
        for document in PlanParser.parse(text: decoded.text) {
            try expectRoundTrip(document, source: name)
        }
    }

    @Test func seedPlansWrittenToTheTemplateReadBackTheSame() throws {
        guard let folder = TestPaths.seedsFolder else {
            print("Skipping the seed template round trip: ../shared/seeds is not beside this clone.")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count == 5)
        for file in files.sorted() {
            let decoded = try DocumentReader.read(fileAt: folder.appendingPathComponent(file))
            for document in PlanParser.parse(text: decoded.text) { try expectRoundTrip(document, source: file) }
        }
    }

    @Test func aBlankTemplateHoldsNoTaskButTheHeaderItsFillerNeeds() throws {
        let data = try XlsxWriter.data(
            sheets: PlanTemplate.blank(year: 2026).map { .init(name: $0.name, rows: $0.rows) })
        let sheets = try XlsxReader.sheets(data: data, fileName: "模板.xlsx")
        #expect(sheets.map(\.name) == ["任务", "填写说明"])
        #expect(sheets[0].rows[1] == PlanTemplate.columns)
        let decoded = try DocumentReader.read(data: data, fileName: "模板.xlsx")
        #expect(PlanParser.parse(text: decoded.text).flatMap(\.tasks).isEmpty)
    }

    @Test func aFilledBlankTemplateGivesItsRowsWithSections() throws {
        var sheets = PlanTemplate.blank(year: 2026)
        sheets[0].rows += [
            ["一、稳住经济大盘"],
            ["1", "固定资产投资增长6%。", "王立新", "区发改局", "", "区财政局、区统计局", "2026年12月", ""],
            ["二、民生实事"],
            ["2", "新建社区食堂10个。", "李华", "区民政局", "各街道办事处", "", "2026年10月", "每季度报进度"],
        ]
        let data = try XlsxWriter.data(sheets: sheets.map { .init(name: $0.name, rows: $0.rows) })
        let document = try #require(
            PlanParser.parse(text: try DocumentReader.read(data: data, fileName: "填好的模板.xlsx").text).first)
        #expect(document.title == "2026年重点工作任务分解表")
        #expect(document.tasks.map(\.number) == ["1", "2"])
        #expect(document.tasks.map(\.sections) == [["一、稳住经济大盘"], ["二、民生实事"]])
        #expect(document.tasks.map(\.kind) == [.task, .livelihood])
        #expect(document.tasks[0].roles.assistingUnits.map(\.name) == ["区财政局", "区统计局"])
        #expect(document.tasks[1].roles.responsibleUnits.map(\.name) == ["各街道办事处"])
    }

    /// Writes the document to a template workbook, reads it back and compares every task field but the key
    /// (keys follow the layout, and a table keys its rows by their headings' numerals).
    private func expectRoundTrip(_ document: PlanDocument, source: String) throws {
        let sheets = PlanTemplate.filled(document).map { XlsxWriter.Sheet(name: $0.name, rows: $0.rows) }
        let data = try XlsxWriter.data(sheets: sheets)
        let decoded = try DocumentReader.read(data: data, fileName: "模板.xlsx")
        let back = PlanParser.parse(text: decoded.text)
        #expect(back.count == 1, "\(source): \(back.count) documents came back")
        let tasks = back.first?.tasks ?? []
        #expect(tasks.count == document.tasks.count, "\(source) “\(document.title)”: task count")
        #expect(back.first?.title == document.title, "\(source): title")
        for (original, read) in zip(document.tasks, tasks) {
            #expect(read.number == original.number, "\(source) \(original.key): number")
            #expect(read.text == original.text, "\(source) \(original.key): text")
            #expect(read.sections == original.sections, "\(source) \(original.key): sections")
            #expect(read.kind == original.kind, "\(source) \(original.key): kind")
            #expect(read.roles == original.roles, "\(source) \(original.key): roles")
            #expect(read.parent == original.parent, "\(source) \(original.key): parent")
        }
    }
}
