import DubanCore
import DubanFormats
import Foundation
import Testing

/// The annotated tasks of ../shared/corpus — 26 excerpts of other governments' plans, in every layout —
/// checked against CorpusExpectations/corpus.tsv: each task found by its number and first words, with every
/// role right; pages that hold no task give none. Rows naming a known gap must still fail, so a fix shows
/// and the gap is struck from the file.
@Suite("Other governments' plans (corpus)")
struct CorpusTests {
    struct Row: Sendable, CustomStringConvertible {
        var file, number, prefix: String
        var leaders, lead, responsible, assisting: String
        var gap: String?
        var description: String { "\(file) \(number) \(prefix)" }
    }

    static let rows: [Row] = {
        let url = TestPaths.testsFolder.appendingPathComponent("CorpusExpectations/corpus.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 7 else { return nil }
            return Row(
                file: c[0], number: c[1], prefix: c[2], leaders: c[3], lead: c[4], responsible: c[5], assisting: c[6],
                gap: c.count > 7 && !c[7].isEmpty ? c[7] : nil)
        }
    }()

    @Test func theExpectationsAreRead() {
        #expect(Self.rows.count >= 35)
    }

    @Test(
        "Annotated task",
        .enabled(if: TestPaths.sharedFolder("corpus") != nil, "../shared/corpus is not beside this clone"),
        arguments: rows)
    func annotatedTask(row: Row) throws {
        let folder = try #require(TestPaths.sharedFolder("corpus"))
        let decoded = try DocumentReader.read(fileAt: folder.appendingPathComponent(row.file))
        let tasks = PlanParser.parse(text: decoded.text).flatMap(\.tasks)
        let problems = Self.problems(row, tasks)
        if let gap = row.gap {
            #expect(!problems.isEmpty, "now read right — strike the gap (\(gap)) from corpus.tsv")
        } else {
            #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
        }
    }

    /// What differs from the annotation; empty when the task is read right.
    static func problems(_ row: Row, _ tasks: [PlanTask]) -> [String] {
        if row.number == "0" { return tasks.isEmpty ? [] : ["expected no task, found \(tasks.count)"] }
        guard
            let task = tasks.first(where: {
                fold($0.text).hasPrefix(fold(row.prefix)) && (row.number == "-" || fold($0.number) == fold(row.number))
            })
        else { return ["no task \(row.number) starting “\(row.prefix)” among \(tasks.count)"] }
        var problems: [String] = []
        let checks: [(String, String, [String])] = [
            ("leaders", row.leaders, task.roles.leaders), ("lead", row.lead, task.roles.leadUnits.map(\.name)),
            ("responsible", row.responsible, task.roles.responsibleUnits.map(\.name)),
            ("assisting", row.assisting, task.roles.assistingUnits.map(\.name)),
        ]
        for (role, expected, actual) in checks where expected != "*" {
            let want = expected == "-" ? [] : Set(expected.split(separator: "|").map { fold(String($0)) })
            let got = Set(actual.map(fold))
            if want != got { problems.append("\(role): want \(want.sorted()) got \(got.sorted())") }
        }
        return problems
    }

    /// Width and blanks folded, as the corpus stores ASCII punctuation where documents print full-width.
    static func fold(_ text: String) -> String {
        String(
            text.unicodeScalars.compactMap { scalar -> Character? in
                if scalar.properties.isWhitespace { return nil }
                switch scalar {
                case "（": return "("
                case "）": return ")"
                case "：": return ":"
                case "，": return ","
                default: return Character(scalar)
                }
            })
    }
}
