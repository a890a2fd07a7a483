import DubanCore
import DubanFormats
import Foundation
import Testing

/// Our own documents, one per layout, parsed in full: every task with every field, compared with the
/// reviewed expectation beside each fixture (Fixtures/NAME.expected.tsv). These run in every clone.
///
/// Set DUBAN_WRITE_FIXTURE_EXPECTATIONS=1 to rewrite the expectations after a deliberate change, then review.
@Suite("Fixture plans parse completely")
struct FixturePlanTests {
    static let fixtures = [
        "role-lines.md", "inline-clauses.txt", "pdf-broken.txt", "gazette.txt", "division-of-labour.txt",
        "flattened-table.txt", "leader-headings.txt", "web-table.txt", "one-line-page.txt", "item-paragraphs.txt",
        "news-reprint.txt", "unnumbered-tasks.txt",
    ]

    @Test("Fixture matches its expectation", arguments: fixtures)
    func fixtureMatchesExpectation(name: String) throws {
        // setup
        let decoded = try DocumentReader.read(fileAt: TestPaths.fixture(name))
        // act
        let actual = PlanRendering.lines(PlanParser.parse(text: decoded.text), hashText: false)
        // assert
        let expectation = TestPaths.fixture("\(name).expected.tsv")
        if ProcessInfo.processInfo.environment["DUBAN_WRITE_FIXTURE_EXPECTATIONS"] == "1" {
            try (actual.joined(separator: "\n") + "\n").write(to: expectation, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectation, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        ExpectationDiff.expectSame(actual: actual, expected: expected)
    }
}
