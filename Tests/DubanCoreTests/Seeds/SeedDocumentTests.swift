import DubanCore
import DubanFormats
import Foundation
import Testing

/// Every task of every real plan in ../shared/seeds, checked in full against the expectations kept in
/// SeedExpectations/: number, kind, sections, leaders, every unit role, deadline, parent, line and a
/// fingerprint of the text. The expectations were reviewed task by task against the documents.
///
/// Set DUBAN_WRITE_SEED_EXPECTATIONS=1 to rewrite them after a deliberate parser change, then review the diff.
@Suite("Seed plans parse completely")
struct SeedDocumentTests {
    static let seeds = [
        "000_7880d5122929e61d", "001_0582390a37362b00", "002_e6966e7ac26a54e2", "003_81d44f3e05d7e8e0",
        "004_c63438cecac099c4",
    ]

    @Test(
        "Seed matches its expectation",
        .enabled(
            if: TestPaths.seedsFolder != nil,
            "../shared/seeds is not beside this clone; the real plans are checked only where they are present"),
        arguments: seeds)
    func seedMatchesExpectation(seed: String) throws {
        let folder = try #require(TestPaths.seedsFolder)
        // setup
        let decoded = try DocumentReader.read(fileAt: folder.appendingPathComponent("\(seed).txt"))
        // act
        let actual = PlanRendering.lines(PlanParser.parse(text: decoded.text), hashText: true)
        // assert
        let expectationFile = TestPaths.seedExpectation(seed)
        if ProcessInfo.processInfo.environment["DUBAN_WRITE_SEED_EXPECTATIONS"] == "1" {
            try (actual.joined(separator: "\n") + "\n").write(to: expectationFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectationFile, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        ExpectationDiff.expectSame(actual: actual, expected: expected)
    }
}

/// Compares rendered lines and reports each differing line on its own, at most a screenful.
enum ExpectationDiff {
    static func expectSame(actual: [String], expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, "line count", sourceLocation: sourceLocation)
        var reported = 0
        for index in 0..<max(actual.count, expected.count) where reported < 15 {
            let left = actual[safe: index] ?? "<missing>"
            let right = expected[safe: index] ?? "<missing>"
            if left != right {
                reported += 1
                Issue.record(
                    "line \(index + 1)\n  actual:   \(left)\n  expected: \(right)", sourceLocation: sourceLocation)
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
