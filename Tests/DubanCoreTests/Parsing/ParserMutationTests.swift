import DubanCore
import Foundation
import Testing

/// The reader under damaged input: our fixtures (and the seeds and corpus when `../shared` is beside the clone)
/// cut, repeated, shuffled and sprinkled with the characters plans are structured by, thousands of times with a
/// fixed seed. Whatever comes in, the parse ends within its limits, or stops with its own error, and what it
/// returns holds together. A crash here stops the whole run: the mutated text it was on is then a regression
/// fixture to add to `Fixtures/`. `DUBAN_MUTATION_CASES` raises the number of cases for a longer run.
@Suite("Parser under mutation")
struct ParserMutationTests {
    /// What plans are built of: numbering, brackets, role labels, separators.
    static let structural =
        Array("一二三四五六七八九十（）()【】〔〕「」《》、，。；：:;.．\t\n 0123456789牵头单位责任领导协办完成时限年月日第项条")
        .map(String.init)
        + ["牵头单位：", "责任单位:", "（责任领导：", "一、", "（一）", "1.", "1、", "\n\n", "\t\t", "2026年"]

    static func inputs() -> [(String, String)] {
        var texts: [(String, String)] = []
        let fixtures = TestPaths.testsFolder.appendingPathComponent("Fixtures")
        var folders = [fixtures]
        for name in ["seeds", "corpus"] { if let folder = TestPaths.sharedFolder(name) { folders.append(folder) } }
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") || name.hasSuffix(".md") {
                let url = folder.appendingPathComponent(name)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                texts.append((name, text))
            }
        }
        return texts
    }

    /// One damage of `text`: a cut, a repeat, a swap of lines, an insertion, a truncation, deep brackets or one
    /// enormous line.
    static func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var characters = Array(text)
        let count = characters.count
        switch random.below(8) {
        case 0 where count > 0:
            let start = random.below(count)
            characters.removeSubrange(start..<min(count, start + 1 + random.below(200)))
        case 1 where count > 0:
            let start = random.below(count)
            let piece = characters[start..<min(count, start + 1 + random.below(300))]
            characters.insert(contentsOf: piece, at: random.below(characters.count))
        case 2:
            var lines = text.components(separatedBy: "\n")
            for _ in 0..<(1 + random.below(20)) where lines.count > 1 {
                lines.swapAt(random.below(lines.count), random.below(lines.count))
            }
            return lines.joined(separator: "\n")
        case 3:
            for _ in 0..<(1 + random.below(40)) {
                let piece = structural[random.below(structural.count)]
                characters.insert(contentsOf: piece, at: random.below(characters.count + 1))
            }
        case 4 where count > 0:
            characters.removeSubrange(random.below(count)..<count)
        case 5:
            let depth = 1 + random.below(2000)
            let at = random.below(count + 1)
            characters.insert(contentsOf: String(repeating: "（", count: depth) + "牵头单位：区民政局", at: at)
        case 6:
            return text.replacingOccurrences(of: "\n", with: random.below(2) == 0 ? "" : "　")
        default:
            let lines = text.components(separatedBy: "\n")
            let line = lines[random.below(lines.count)]
            return text + "\n" + String(repeating: line, count: 1 + random.below(500))
        }
        return String(characters)
    }

    @Test("Damaged plans parse within their limits and hold together")
    func mutations() throws {
        let inputs = Self.inputs()
        try #require(!inputs.isEmpty, "no fixture found under \(TestPaths.testsFolder.path)/Fixtures")
        let cases = ProcessInfo.processInfo.environment["DUBAN_MUTATION_CASES"].flatMap(Int.init) ?? 300
        var random = SeededRandom(seed: 2026_1204)
        let limits = ParseLimits(maximumTasks: 5_000, maximumDocuments: 30, timeLimit: .seconds(20))
        var parsed = 0
        var stopped = 0
        for index in 0..<cases {
            let (name, original) = inputs[index % inputs.count]
            var text = original
            for _ in 0..<(1 + random.below(3)) { text = Self.mutate(text, &random) }
            let lineCount = text.components(separatedBy: "\n").count
            do {
                let documents = try PlanParser.parse(text: text, limits: limits)
                parsed += 1
                for document in documents {
                    #expect(Set(document.tasks.map(\.key)).count == document.tasks.count, "case \(index) of \(name)")
                    for task in document.tasks {
                        #expect(!task.text.isEmpty, "case \(index) of \(name): an empty task")
                        #expect((1...lineCount).contains(task.line), "case \(index) of \(name): line \(task.line)")
                    }
                }
            } catch {
                // Stopping at a limit is an answer with its own message, never a partial plan.
                #expect(!error.message.isEmpty)
                stopped += 1
            }
        }
        #expect(parsed + stopped == cases && parsed > cases / 2)
    }
}

extension SeededRandom {
    /// A number from 0 up to, not including, `bound`; 0 for an empty range.
    fileprivate mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : int(in: 0...(bound - 1)) }
}
