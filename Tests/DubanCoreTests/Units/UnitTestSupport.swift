@testable import DubanCore
import Testing

/// One table-driven case: a list as a document writes it and the unit names it means.
struct UnitListCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: [String]

    init(_ input: String, _ expected: [String]) {
        self.input = input
        self.expected = expected
    }

    var testDescription: String { input }
}

/// Shortcuts shared by the unit-name suites.
enum UnitTestSupport {
    /// Names only, in order, from running text.
    static func names(_ text: String) -> [String] {
        UnitNames.parseList(text).map(\.name)
    }

    /// Names only, in order, from a table cell.
    static func cellNames(_ text: String) -> [String] {
        UnitNames.parseCell(text).map(\.name)
    }

    /// The single unit a list is expected to hold; records an issue when it holds another count.
    static func single(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> UnitName? {
        let units = UnitNames.parseList(text)
        #expect(units.count == 1, "expected one unit in \(text), got \(units)", sourceLocation: sourceLocation)
        return units.first
    }
}
