@testable import DubanCore
import Testing

/// Rule 3: the level prefix (区 / 市 / 省 / 县) of a 、-group is lent to later items that lack one.
@Suite("Unit lists: shared level prefixes")
struct UnitSharedPrefixTests {
    static let cases: [UnitListCase] = [
        UnitListCase("区总工会、团区委、妇联、残联", ["区总工会", "团区委", "区妇联", "区残联"]),
        UnitListCase("区融媒体中心、企业和人才服务中心、大数据中心", ["区融媒体中心", "区企业和人才服务中心", "区大数据中心"]),
        UnitListCase("市民政局、人社局", ["市民政局", "市人社局"]),
        UnitListCase("省发展改革委、财政厅", ["省发展改革委", "省财政厅"]),
        UnitListCase("县教育局、卫健局", ["县教育局", "县卫健局"]),
        UnitListCase("区委组织部、宣传部、人社局", ["区委组织部", "区委宣传部", "区人社局"]),
        UnitListCase("区委组织部、发改委", ["区委组织部", "区发改委"]),
        UnitListCase("区委办、政府办", ["区委办", "区政府办"]),
        UnitListCase("区发改局、城市管理执法局", ["区发改局", "区城市管理执法局"]),
    ]

    @Test("items without a level take the level of the item before them", arguments: cases)
    func prefixIsShared(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    static let ownPlaceCases: [UnitListCase] = [
        UnitListCase(
            "区科学技术和经济信息化局、开发区机电产业建设管理办公室",
            ["区科学技术和经济信息化局", "开发区机电产业建设管理办公室"]),
        UnitListCase("区发改局、江夏经济开发区管委会", ["区发改局", "江夏经济开发区管委会"]),
        UnitListCase("市城投公司、武汉城建集团", ["市城投公司", "武汉城建集团"]),
        UnitListCase("区统计局、国家统计局江夏调查队", ["区统计局", "国家统计局江夏调查队"]),
        UnitListCase("区直各单位、各街道办事处", ["区直各单位", "各街道办事处"]),
        UnitListCase("区发改局、纸坊街道办事处", ["区发改局", "纸坊街道办事处"]),
        UnitListCase("区金融办、人行新洲区分行", ["区金融办", "人行新洲区分行"]),
    ]

    @Test("items that already name their place or are collective keep their name", arguments: ownPlaceCases)
    func ownPlaceIsKept(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    static let groupCases: [UnitListCase] = [
        UnitListCase("市科技局,东湖高新区管委会", ["市科技局", "东湖高新区管委会"]),
        UnitListCase("市发改委、市经信局,洪山、江夏区人民政府", ["市发改委", "市经信局", "洪山区人民政府", "江夏区人民政府"]),
        UnitListCase("区发改局;商务局", ["区发改局", "商务局"]),
        UnitListCase("区商务局 行政审批局 区发改局", ["区商务局", "行政审批局", "区发改局"]),
    ]

    @Test("prefixes are shared only inside one 、-group", arguments: groupCases)
    func prefixStaysInGroup(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    @Test("suffix and prefix sharing combine in real inline lists")
    func combinedSharing() {
        let text = "区科经、商务局,郑店、五里界街道办事处,江夏经济开发区管委会"
        #expect(
            UnitTestSupport.names(text) == [
                "区科经局", "区商务局", "郑店街道办事处", "五里界街道办事处", "江夏经济开发区管委会",
            ])
    }
}
