@testable import DubanCore
import Testing

/// Rule 1 for table cells: spaces separate complete names; a space inside an incomplete name is a wrap.
@Suite("Unit lists: table cells and wrapped names")
struct UnitTableCellTests {
    static let cellCases: [UnitListCase] = [
        UnitListCase(
            "区科经局 区商务局 区住房和城乡建设局 区农业农村局",
            ["区科经局", "区商务局", "区住房和城乡建设局", "区农业农村局"]),
        UnitListCase(
            "区发改局 区财政局 区航天工作专班 阳逻开发区 邾城街 阳逻街",
            ["区发改局", "区财政局", "区航天工作专班", "阳逻开发区", "邾城街", "阳逻街"]),
        UnitListCase("道观河管理处 徐古街 潘塘街", ["道观河管理处", "徐古街", "潘塘街"]),
        UnitListCase("区水务和湖泊局 区公安分局 区交通大队 相关街镇", ["区水务和湖泊局", "区公安分局", "区交通大队", "相关街镇"]),
        UnitListCase("区应急管理局 区发改局 各直单位 各街镇", ["区应急管理局", "区发改局", "各直单位", "各街镇"]),
        UnitListCase("区生态环境分局 区科经局、区发改局, 各街镇", ["区生态环境分局", "区科经局", "区发改局", "各街镇"]),
        UnitListCase("区交通运输局\t区公安分局\n区供销社", ["区交通运输局", "区公安分局", "区供销社"]),
    ]

    @Test("spaces between complete names separate units", arguments: cellCases)
    func spacesSeparate(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.cellNames(testCase.input) == testCase.expected)
    }

    static let wrapCases: [UnitListCase] = [
        UnitListCase("区园林和 林业局", ["区园林和林业局"]),
        UnitListCase("区文化和 旅游局", ["区文化和旅游局"]),
        UnitListCase("区人力资源和社会保障 局", ["区人力资源和社会保障局"]),
        UnitListCase("区发改局、区生态环境 局, 各街镇", ["区发改局", "区生态环境局", "各街镇"]),
        UnitListCase("区网络安全和信息化委 员会办公室、区公安 分局", ["区网络安全和信息化委员会办公室", "区公安分局"]),
        UnitListCase("区国家安全委员会 办公室", ["区国家安全委员会办公室"]),
        UnitListCase("开发区食品医药产业建设管理办 公室", ["开发区食品医药产业建设管理办公室"]),
        UnitListCase("区企业 和人才服务中心", ["区企业和人才服务中心"]),
        UnitListCase("邮政公司 新洲分公司", ["邮政公司新洲分公司"]),
        UnitListCase("区 农业农村局、区司 法局", ["区农业农村局", "区司法局"]),
        UnitListCase("洪山区 人民政府", ["洪山区人民政府"]),
        UnitListCase("区委 组织部", ["区委组织部"]),
        UnitListCase("区委 区人民政府", ["区委", "区人民政府"]),
    ]

    @Test("a space inside an incomplete name is a wrap and is removed", arguments: wrapCases)
    func wrapsAreJoined(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.cellNames(testCase.input) == testCase.expected)
    }

    @Test("an ideographic space separates like an ASCII one")
    func ideographicSpace() {
        #expect(UnitTestSupport.cellNames("区科经局\u{3000}区商务局") == ["区科经局", "区商务局"])
        #expect(UnitTestSupport.cellNames("区文化和\u{3000}旅游局") == ["区文化和旅游局"])
    }

    @Test("parseCell and parseList read the same grammar")
    func cellAndListAgree() {
        let text = "区科经、商务局 区园林和 林业局,各街镇"
        #expect(UnitNames.parseCell(text) == UnitNames.parseList(text))
        #expect(UnitTestSupport.cellNames(text) == ["区科经局", "区商务局", "区园林和林业局", "各街镇"])
    }
}
