@testable import DubanCore
import Testing

/// Rule 2: the last item of a 、-group lends its organisation suffix to earlier items lacking one.
@Suite("Unit lists: shared suffixes")
struct UnitSharedSuffixTests {
    static let cases: [UnitListCase] = [
        UnitListCase("区科经、商务局", ["区科经局", "区商务局"]),
        UnitListCase(
            "区发改、科经、商务、自然资源和规划、住建、财政局",
            ["区发改局", "区科经局", "区商务局", "区自然资源和规划局", "区住建局", "区财政局"]),
        UnitListCase("区财政、审计局", ["区财政局", "区审计局"]),
        UnitListCase("区人社、医保局", ["区人社局", "区医保局"]),
        UnitListCase("区科经、市场监管局", ["区科经局", "区市场监管局"]),
        UnitListCase("区水务和湖泊、科经、城管执法局", ["区水务和湖泊局", "区科经局", "区城管执法局"]),
        UnitListCase("区农业农村、自然资源和规划局", ["区农业农村局", "区自然资源和规划局"]),
        UnitListCase("区公安、生态环境分局", ["区公安分局", "区生态环境分局"]),
        UnitListCase("区委组织、宣传部", ["区委组织部", "区委宣传部"]),
        UnitListCase("市发改、卫健委", ["市发改委", "市卫健委"]),
        UnitListCase("区融媒体、大数据中心", ["区融媒体中心", "区大数据中心"]),
    ]

    @Test("abbreviated items take the suffix of the last item", arguments: cases)
    func suffixIsShared(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    static let placeCases: [UnitListCase] = [
        UnitListCase("洪山、江夏区人民政府", ["洪山区人民政府", "江夏区人民政府"]),
        UnitListCase("洪山区、江夏区人民政府", ["洪山区人民政府", "江夏区人民政府"]),
        UnitListCase(
            "江岸、汉阳、东西湖、黄陂区人民政府",
            ["江岸区人民政府", "汉阳区人民政府", "东西湖区人民政府", "黄陂区人民政府"]),
        UnitListCase("郑店、五里界街道办事处", ["郑店街道办事处", "五里界街道办事处"]),
        UnitListCase("郑店街道、五里界街道办事处", ["郑店街道办事处", "五里界街道办事处"]),
        UnitListCase(
            "乌龙泉、安山、舒安街道办事处,金水办事处",
            ["乌龙泉街道办事处", "安山街道办事处", "舒安街道办事处", "金水办事处"]),
        UnitListCase(
            "东湖高新区、武汉经开区、临空港开发区管委会",
            ["东湖高新区管委会", "武汉经开区管委会", "临空港开发区管委会"]),
        UnitListCase("东湖高新区、东湖风景区、长江新城管委会", ["东湖高新区管委会", "东湖风景区管委会", "长江新城管委会"]),
        UnitListCase("武汉新港、临空港开发区管委会", ["武汉新港管委会", "临空港开发区管委会"]),
    ]

    @Test("place items take a shared place organ, merging a repeated 区 or 街道", arguments: placeCases)
    func placeOrganIsShared(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    static let completeCases: [UnitListCase] = [
        UnitListCase("区法院、检察院", ["区法院", "区检察院"]),
        UnitListCase("区科投集团、国控集团", ["区科投集团", "区国控集团"]),
        UnitListCase("阳逻开发区、区科经局", ["阳逻开发区", "区科经局"]),
        UnitListCase("仓埠街、区商务局", ["仓埠街", "区商务局"]),
        UnitListCase("区发改局、区生态环境分局", ["区发改局", "区生态环境分局"]),
    ]

    @Test("complete items and place units never take another item's suffix", arguments: completeCases)
    func completeItemsKeepTheirEnding(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    @Test("suffixes are not shared across a comma or semicolon")
    func noSharingAcrossGroups() {
        #expect(UnitTestSupport.names("区发改,区商务局") == ["区发改", "区商务局"])
        #expect(UnitTestSupport.names("洪山;江夏区人民政府") == ["洪山", "江夏区人民政府"])
    }
}
