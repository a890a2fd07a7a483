import DubanFuzzing
import Foundation
import Testing

/// What the libFuzzer target (`scripts/fuzz.sh`) checks, run in every `swift test`: the inputs it once broke, kept
/// in `Fixtures/Fuzz/`, and our fixture plans in the three formats it starts from.
@Suite("Reader and parser on fuzz inputs")
struct FuzzRegressionTests {
    static let findings = TestPaths.testsFolder.appendingPathComponent("Fixtures/Fuzz")

    @Test("Every kept fuzz finding reads to an answer that holds together")
    func keptFindings() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.findings.path).sorted()
        try #require(!names.isEmpty, "no fuzz finding kept under \(Self.findings.path)")
        for name in names {
            let data = try Data(contentsOf: Self.findings.appendingPathComponent(name))
            do {
                _ = try ReaderExercise.run(data)
            } catch {
                Issue.record("\(name): \(error.description)")
            }
        }
    }

    /// Our fixture plans with expected tasks, as text, as Word and as Excel.
    static func fixturePlans() throws -> [(name: String, lines: [String], tasks: Int)] {
        let folder = TestPaths.testsFolder.appendingPathComponent("Fixtures")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return try names.filter { $0.hasSuffix(".expected.tsv") }.sorted().map { expected in
            let name = String(expected.dropLast(".expected.tsv".count))
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let rows = try String(contentsOf: folder.appendingPathComponent(expected), encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("#") }
            return (name, text.components(separatedBy: "\n"), rows.count)
        }
    }

    @Test("A fixture plan gives the fuzzer's path the same tasks as text, as Word and as Excel")
    func formatsAgree() throws {
        let plans = try Self.fixturePlans()
        try #require(plans.count >= 8, "fixture plans with expectations not found")
        for plan in plans {
            let text = Data(plan.lines.joined(separator: "\n").utf8)
            let outcomes = [
                ("text", try ReaderExercise.run(text)),
                ("Word", try ReaderExercise.run(try SeedDocuments.docx(lines: plan.lines))),
                ("Excel", try ReaderExercise.run(try SeedDocuments.xlsx(lines: plan.lines))),
            ]
            for (format, outcome) in outcomes {
                guard case .parsed(_, let tasks, _) = outcome else {
                    Issue.record("\(plan.name) as \(format): \(outcome)")
                    continue
                }
                #expect(tasks == plan.tasks, "\(plan.name) as \(format)")
            }
        }
    }

    @Test("Each kind of answer is reached: a refused file, a stopped parse, a skipped PDF")
    func answers() throws {
        let png = try ReaderExercise.run(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]))
        guard case .refusedFile(let refusal) = png else {
            Issue.record("a PNG was not refused: \(png)")
            return
        }
        #expect(refusal.contains("PNG"), "\(refusal)")
        let huge = try ReaderExercise.run(Data(String(repeating: "一、加快发展。\n", count: 120_000).utf8))
        guard case .stoppedParse(let stop) = huge else {
            Issue.record("a 2.4 MB text was not stopped at the size limit: \(huge)")
            return
        }
        #expect(stop.contains("MB"), "\(stop)")
        #expect(try ReaderExercise.run(Data("%PDF-1.7\n".utf8)) == .skippedPDF)
    }
}
