import DubanCore
import Foundation
import Testing

/// What one parse may cost is bounded: tasks, plans and time end it with a clear error, and hostile shapes
/// (long lines, deep brackets) are read in pieces instead of stalling the reader.
@Suite("Parse limits")
struct ParseLimitsTests {
    static func plan(tasks: Int) -> String {
        var lines = ["2026年重点工作责任分解方案", "一、重点工作"]
        for number in 1...tasks {
            lines.append("\(number).推进第\(number)项重点工作落地见效。（责任单位：区发改局）")
        }
        return lines.joined(separator: "\n")
    }

    @Test func aPlanWithinTheLimitsParsesAsWithoutThem() throws {
        let text = Self.plan(tasks: 40)
        let limited = try PlanParser.parse(text: text, limits: ParseLimits(maximumTasks: 40))
        #expect(limited == PlanParser.parse(text: text))
        #expect(limited.first?.tasks.count == 40)
    }

    @Test func moreTasksThanOneImportMayCreateEndTheParse() {
        #expect(throws: PlanParseError.tooManyTasks(limit: 25)) {
            try PlanParser.parse(text: Self.plan(tasks: 60), limits: ParseLimits(maximumTasks: 25))
        }
    }

    @Test func moreDocumentsThanOneImportMayCreateEndTheParse() {
        let gazette = (1...4).map { index in
            "青政办〔2026〕\(index)号\n" + Self.plan(tasks: 3)
        }.joined(separator: "\n")
        #expect(PlanParser.parse(text: gazette).count == 4)
        #expect(throws: PlanParseError.tooManyDocuments(found: 3, limit: 2)) {
            try PlanParser.parse(text: gazette, limits: ParseLimits(maximumDocuments: 2))
        }
    }

    @Test func aParseOutOfTimeStops() async {
        let limits = ParseLimits(timeLimit: .zero)
        #expect(throws: PlanParseError.tooSlow(seconds: 0)) {
            try PlanParser.parse(text: Self.plan(tasks: 5), limits: limits)
        }
        await #expect(throws: PlanParseError.tooSlow(seconds: 0)) {
            try await PlanParser.parseConcurrently(text: Self.plan(tasks: 5), limits: limits)
        }
    }

    @Test func limitErrorsSpeakBothLanguages() {
        for error in [
            PlanParseError.tooManyTasks(limit: 5000), .tooManyDocuments(found: 40, limit: 30), .tooSlow(seconds: 30),
            .tooLarge(bytes: 17_100_000, limit: 8 * 1024 * 1024),
        ] {
            #expect(!error.message.isEmpty && !error.message.contains("\n"))
            #expect(error.chineseMessage.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        }
    }

    /// 40,000 brackets around a leader's name used to take half a minute; the name still comes out.
    @Test func deepBracketsAroundANameStillGiveTheName() throws {
        let depth = 40_000
        let text =
            "一、重点工作\n1.推进项目建设。\n责任领导：" + String(repeating: "（", count: depth) + "张三"
            + String(repeating: "）", count: depth) + "\n责任单位：区发改局"
        let task = try #require(try PlanParser.parse(text: text, limits: .standard).first?.tasks.first)
        #expect(task.roles.leaders == ["张三"])
        #expect(task.roles.responsibleUnits.map(\.name) == ["区发改局"])
    }

    /// A text larger than any plan is refused before a line of it is read, with its size.
    @Test func aHugeTextIsRefusedBeforeReading() async throws {
        let text = "一、重点工作\n1.推进政务服务一网通办。（责任单位：区政务服务局）\n" + String(repeating: "加快推进重点项目建设。", count: 300_000)
        #expect(throws: PlanParseError.tooLarge(bytes: text.utf8.count, limit: 8 * 1024 * 1024)) {
            try PlanParser.parse(text: text, limits: .standard)
        }
        await #expect(throws: PlanParseError.self) {
            try await PlanParser.parseConcurrently(text: text, limits: .standard)
        }
        #expect(
            PlanParseError.tooLarge(bytes: text.utf8.count, limit: 8 * 1024 * 1024).message.hasPrefix(
                "the file's text is 9.4 MB, more than the 8 MB"))
    }

    /// A task followed by a megabyte without a line break: read in pieces cut after sentences, the task intact.
    @Test func aHugeLineIsReadInPieces() throws {
        let filler = String(repeating: "加快推进重点项目建设。", count: 40_000)
        let text = "一、重点工作\n1.推进政务服务一网通办。（责任单位：区政务服务局）\n" + filler
        let documents = try PlanParser.parse(text: text, limits: .standard)
        let task = try #require(documents.first?.tasks.first)
        #expect(task.text == "推进政务服务一网通办。")
        #expect(task.roles.responsibleUnits.map(\.name) == ["区政务服务局"])
    }
}
