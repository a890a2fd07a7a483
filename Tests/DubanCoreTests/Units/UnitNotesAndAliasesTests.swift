@testable import DubanCore
import Testing

/// Rule 4: bracketed notes are dropped, other bracketed names become aliases and never units.
@Suite("Unit lists: notes and aliases")
struct UnitNotesAndAliasesTests {
    static let noteCases: [UnitListCase] = [
        UnitListCase("各区人民政府〈含开发区、风景区管委会,下同〉", ["各区人民政府"]),
        UnitListCase("各区人民政府<含开发区、风景区管委会,下同>,市发改委", ["各区人民政府", "市发改委"]),
        UnitListCase("各区人民政府（包括开发区管委会）", ["各区人民政府"]),
        UnitListCase("区发改局（下同）、科经局", ["区发改局", "区科经局"]),
        UnitListCase("区发改局（牵头）、区财政局", ["区发改局", "区财政局"]),
        UnitListCase("各街道办事处（不含开发区）", ["各街道办事处"]),
    ]

    @Test("notes in brackets are dropped, separators inside them do not split", arguments: noteCases)
    func notesAreDropped(_ testCase: UnitListCase) {
        #expect(UnitTestSupport.names(testCase.input) == testCase.expected)
        #expect(UnitNames.parseList(testCase.input).allSatisfy { $0.aliases.isEmpty })
    }

    struct AliasCase: Sendable, CustomTestStringConvertible {
        let input: String
        let name: String
        let aliases: [String]
        var testDescription: String { input }
    }

    static let aliasCases: [AliasCase] = [
        AliasCase(input: "区行政审批局（政务服务和大数据管理局）", name: "区行政审批局", aliases: ["区政务服务和大数据管理局"]),
        AliasCase(input: "区文化和旅游局（体育局）", name: "区文化和旅游局", aliases: ["区体育局"]),
        AliasCase(input: "区住房和城乡建设局（区园林局）", name: "区住房和城乡建设局", aliases: ["区园林局"]),
        AliasCase(input: "区财政局(区国有资产监督管理局)", name: "区财政局", aliases: ["区国有资产监督管理局"]),
        AliasCase(input: "区财政局(金融办)", name: "区财政局", aliases: ["区金融办"]),
        AliasCase(input: "市委组织部〈市招才局〉", name: "市委组织部", aliases: ["市招才局"]),
        AliasCase(input: "区商务局 (区招商局)", name: "区商务局", aliases: ["区招商局"]),
        AliasCase(input: "区科学技术和经济信息化局（简称区科经局）", name: "区科学技术和经济信息化局", aliases: ["区科经局"]),
        AliasCase(input: "区文化和旅游局（体育局", name: "区文化和旅游局", aliases: ["区体育局"]),
    ]

    @Test("bracketed names become aliases with the unit's level prefix", arguments: aliasCases)
    func aliasesAreKept(_ testCase: AliasCase) {
        let unit = UnitTestSupport.single(testCase.input)
        #expect(unit?.name == testCase.name)
        #expect(unit?.aliases == testCase.aliases)
    }

    @Test("an alias is never emitted as a unit of its own")
    func aliasIsNotAUnit() {
        let units = UnitNames.parseList("区水务和湖泊局、区住房和城乡建设局（区园林局）,区财政局(金融办)")
        #expect(units.map(\.name) == ["区水务和湖泊局", "区住房和城乡建设局", "区财政局"])
        #expect(!units.map(\.name).contains("区园林局"))
    }

    @Test("a bracket standing alone after a unit is that unit's alias")
    func detachedAliasJoinsPreviousUnit() {
        let units = UnitNames.parseList("区住房和城乡建设局、（区园林局）")
        #expect(units.map(\.name) == ["区住房和城乡建设局"])
        #expect(units.first?.aliases == ["区园林局"])
    }

    @Test("unbalanced brackets do not swallow the rest of the list")
    func unbalancedBracketsStayLocal() {
        #expect(UnitTestSupport.names("区财政局(区国资局、区住建局") == ["区财政局", "区住建局"])
        #expect(UnitTestSupport.names("区国资局)、区住建局") == ["区国资局", "区住建局"])
    }
}
