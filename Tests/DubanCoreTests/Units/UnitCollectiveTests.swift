@testable import DubanCore
import Testing

/// Rule 5: names standing for many units are kept as written and marked collective.
@Suite("Unit lists: collective names")
struct UnitCollectiveTests {
    static let collectiveNames: [String] = [
        "各区人民政府", "各街道办事处", "区直各单位", "相关街镇", "各街镇", "区直各部门", "区人民政府各部门",
        "其他区直相关部门", "区安委会各成员单位", "各相关街道办事处", "区直单位", "区直各相关部门",
        "区扶贫攻坚领导小组各成员单位", "省直有关部门", "有关单位", "各新城区人民政府", "相关区人民政府",
        "市疫情防控指挥部各工作组", "各区属国有企业", "区直各行业主管部门",
    ]

    @Test("collective names are recognised", arguments: collectiveNames)
    func isCollective(_ name: String) {
        #expect(UnitNames.isCollective(name))
        let unit = UnitTestSupport.single(name)
        #expect(unit?.name == name)
        #expect(unit?.isCollective == true)
    }

    static let singleNames: [String] = [
        "区人民政府", "区发改局", "团区委", "区直机关工委", "江夏经济开发区管委会", "区委组织部", "市场监管局",
        "区国家安全重点领域工作协调机制牵头单位",
    ]

    @Test("single units are not collective", arguments: singleNames)
    func isNotCollective(_ name: String) {
        #expect(!UnitNames.isCollective(name))
        #expect(UnitTestSupport.single(name)?.isCollective == false)
    }

    @Test("collective items neither borrow nor lend a prefix or suffix")
    func collectivesAreNotCompleted() {
        #expect(UnitTestSupport.names("区信访局、各街道办事处") == ["区信访局", "各街道办事处"])
        #expect(UnitTestSupport.names("区直各单位、各街道办事处") == ["区直各单位", "各街道办事处"])
        #expect(UnitTestSupport.names("区人民政府、各街镇") == ["区人民政府", "各街镇"])
    }

    @Test("the memberwise initialiser infers collectiveness from the name")
    func initialiserInfers() {
        #expect(UnitName(name: "各街镇").isCollective)
        #expect(!UnitName(name: "区发改局").isCollective)
        #expect(!UnitName(name: "各街镇", isCollective: false).isCollective)
    }
}
