@testable import DubanCore
import Testing

/// The list grammar: which characters and spaces separate names, and what is cleaned away.
@Suite("Unit lists: separators and clean-up")
struct UnitSeparatorTests {
    static let separatorCases: [UnitListCase] = [
        UnitListCase("区发改局、区科经局", ["区发改局", "区科经局"]),
        UnitListCase("区住建局，区城管执法局", ["区住建局", "区城管执法局"]),
        UnitListCase("区住建局,区城管执法局", ["区住建局", "区城管执法局"]),
        UnitListCase("市交通运输局;市农业农村局；武汉广播电视台", ["市交通运输局", "市农业农村局", "武汉广播电视台"]),
        UnitListCase("区交通运输局，相关街道办事处", ["区交通运输局", "相关街道办事处"]),
        UnitListCase("区财政局 区审计局 区直单位 各街镇", ["区财政局", "区审计局", "区直单位", "各街镇"]),
        UnitListCase("区科经局、 区商务局", ["区科经局", "区商务局"]),
    ]

    @Test("separators 、 ， , ； ; and spaces between complete names split the list", arguments: separatorCases)
    func separatorsSplit(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    static let cleanupCases: [UnitListCase] = [
        UnitListCase("区住房和城乡建设局、区自然资源和规划局、", ["区住房和城乡建设局", "区自然资源和规划局"]),
        UnitListCase("、、,,；;", []),
        UnitListCase("", []),
        UnitListCase("   ", []),
        UnitListCase("区发改局等", ["区发改局"]),
        UnitListCase("区发改局、区财政局等相关部门", ["区发改局", "区财政局"]),
        UnitListCase("区发改局,区科经局,区发改局", ["区发改局", "区科经局"]),
        UnitListCase("“区发改局”。", ["区发改局"]),
        UnitListCase("<p>区发改局 区财政局</p>", ["区发改局", "区财政局"]),
        UnitListCase("区发改局<br/>区财政局", ["区发改局", "区财政局"]),
        UnitListCase("区发改局&nbsp;区财政局", ["区发改局", "区财政局"]),
        UnitListCase("区教育局、区", ["区教育局"]),
    ]

    @Test("trailing separators, 等, duplicates, quotes and HTML remnants are cleaned away", arguments: cleanupCases)
    func cleanup(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    static let labelAndConjunctionCases: [UnitListCase] = [
        UnitListCase("牵头单位:区发改局;责任单位:区科经、商务局", ["区发改局", "区科经局", "区商务局"]),
        UnitListCase("区农业农村局,责任单位:区自然资源和规划局", ["区农业农村局", "区自然资源和规划局"]),
        UnitListCase("区民政局及各街道办事处", ["区民政局", "各街道办事处"]),
        UnitListCase("区财政局和区审计局", ["区财政局", "区审计局"]),
        UnitListCase("区自然资源和规划局", ["区自然资源和规划局"]),
        UnitListCase("市停车场及新能源汽车配套设施建设工作领导小组", ["市停车场及新能源汽车配套设施建设工作领导小组"]),
    ]

    @Test("role labels are dropped and 和/及 split only between two complete names", arguments: labelAndConjunctionCases)
    func labelsAndConjunctions(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
    }

    @Test("duplicates keep the first position and gather their aliases")
    func duplicatesMergeAliases() {
        let units = UnitNames.parseList("区财政局,区科经局,区财政局（金融办）")
        #expect(units.map(\.name) == ["区财政局", "区科经局"])
        #expect(units.first?.aliases == ["区金融办"])
    }

    @Test("groups after a comma or semicolon are read on their own")
    func commaGroupsAreIndependent() {
        let text = "区人武部,区退役军人事务局,区总工会、团区委、妇联、残联,区委台办,区民宗局"
        #expect(
            UnitTestSupport.names(text) == [
                "区人武部", "区退役军人事务局", "区总工会", "团区委", "区妇联", "区残联", "区委台办", "区民宗局",
            ])
    }
}
