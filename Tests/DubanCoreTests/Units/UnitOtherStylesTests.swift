@testable import DubanCore
import Testing

/// Lists as other governments write them: the rules must not be tuned to one city's plans.
@Suite("Unit lists: other governments' styles")
struct UnitOtherStylesTests {
    static let cases: [UnitListCase] = [
        UnitListCase("国家发展改革委、财政部、工业和信息化部", ["国家发展改革委", "财政部", "工业和信息化部"]),
        UnitListCase(
            "国家发展改革委、财政部、人力资源社会保障部等按职责分工负责",
            ["国家发展改革委", "财政部", "人力资源社会保障部"]),
        UnitListCase("省发展改革委、省财政厅", ["省发展改革委", "省财政厅"]),
        UnitListCase("省发展改革委、财政厅,省直有关部门", ["省发展改革委", "省财政厅", "省直有关部门"]),
        UnitListCase("县委组织部、县人社局,各乡镇人民政府", ["县委组织部", "县人社局", "各乡镇人民政府"]),
        UnitListCase("武汉、鄂州市人民政府", ["武汉市人民政府", "鄂州市人民政府"]),
        UnitListCase("海关总署、国家税务总局", ["海关总署", "国家税务总局"]),
    ]

    @Test("national, provincial and county lists are read with the same rules", arguments: cases)
    func otherStyles(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    static let traditional: [UnitListCase] = [
        UnitListCase("臺北市政府、新北市政府", ["臺北市政府", "新北市政府"]),
        UnitListCase("區發展和改革局", ["區發展和改革局"]),
        UnitListCase("經濟部，衛生福利部", ["經濟部", "衛生福利部"]),
    ]

    @Test("traditional characters pass through untouched", arguments: traditional)
    func traditionalPassesThrough(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }
}
