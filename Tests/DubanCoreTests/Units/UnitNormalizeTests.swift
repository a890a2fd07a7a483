@testable import DubanCore
import Foundation
import Testing

/// Rule 6: one canonical spelling per name.
@Suite("Unit names: normalisation")
struct UnitNormalizeTests {
    struct NormalizeCase: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        var testDescription: String { input }
    }

    static let cases: [NormalizeCase] = [
        NormalizeCase(input: "ＡＢＣ１２３公司", expected: "ABC123公司"),
        NormalizeCase(input: "区园林和　林业局", expected: "区园林和林业局"),
        NormalizeCase(input: " 区发改局\t", expected: "区发改局"),
        NormalizeCase(input: "区行政审批局(政务服务和大数据管理局)", expected: "区行政审批局（政务服务和大数据管理局）"),
        NormalizeCase(input: "市委组织部〈市招才局〉", expected: "市委组织部（市招才局）"),
        NormalizeCase(input: "市委组织部<市招才局>", expected: "市委组织部（市招才局）"),
        NormalizeCase(input: "区财政局【金融办】", expected: "区财政局（金融办）"),
        NormalizeCase(input: "<p>区发改局</p>", expected: "区发改局"),
        NormalizeCase(input: "、区发改局；", expected: "区发改局"),
        NormalizeCase(input: "区发\u{200B}改局", expected: "区发改局"),
        NormalizeCase(input: "", expected: ""),
    ]

    @Test("widths, spaces, brackets and edge punctuation are normalised", arguments: cases)
    func normalizes(_ testCase: NormalizeCase) {
        #expect(UnitNames.normalize(testCase.input) == testCase.expected)
    }

    @Test("normalising twice changes nothing", arguments: cases)
    func isIdempotent(_ testCase: NormalizeCase) {
        let once = UnitNames.normalize(testCase.input)
        #expect(UnitNames.normalize(once) == once)
    }

    @Test("full-width punctuation in lists separates like half-width")
    func fullWidthSeparators() {
        #expect(UnitTestSupport.names("区信访局，区公安分局、区司法局；区大数据中心") == ["区信访局", "区公安分局", "区司法局", "区大数据中心"])
        #expect(UnitTestSupport.names("ＡＢＣ公司、区发改局") == ["ABC公司", "区发改局"])
    }

    @Test("UnitName round-trips through Codable")
    func codableRoundTrip() throws {
        let unit = UnitName(name: "区行政审批局", aliases: ["区政务服务和大数据管理局"], isCollective: false)
        let data = try JSONEncoder().encode(unit)
        #expect(try JSONDecoder().decode(UnitName.self, from: data) == unit)
    }
}
