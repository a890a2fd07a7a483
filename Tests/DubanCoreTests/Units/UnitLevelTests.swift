import Testing

@testable import DubanCore

/// The level a unit name states decides what a directory may offer for it, and what a collective takes in.
@Suite("Unit level")
struct UnitLevelTests {
    @Test(
        "A name states its level by its first character, unless that starts an everyday word",
        arguments: [
            ("区商务局", "区" as Character?), ("市发展改革委", "市"), ("省直有关部门", "省"), ("区委组织部", "区"),
            ("市场监管局", nil), ("团区委", nil), ("东坡街道办事处", nil), ("县域经济办公室", nil),
        ])
    func stated(name: String, level: Character?) {
        #expect(UnitLevel.stated(by: name) == level)
    }

    @Test("A government's level is read from its record")
    func governmentLevel() {
        #expect(UnitLevel.ofGovernment("区") == "区")
        #expect(UnitLevel.ofGovernment("县级市") == "市")
        #expect(UnitLevel.ofGovernment("街道") == nil)
    }

    @Test("A city unit in a district's plan is offered only units that state the city level")
    func mayMatch() {
        // assert: different stated levels never match
        #expect(!UnitLevel.mayMatch(documentName: "市发展改革委", directoryName: "区发展和改革局", governmentLevel: "区"))
        // assert: a directory name without a level is the government's own
        #expect(!UnitLevel.mayMatch(documentName: "市发展改革委", directoryName: "发展改革局", governmentLevel: "区"))
        #expect(UnitLevel.mayMatch(documentName: "区发改局", directoryName: "发展和改革局", governmentLevel: "区"))
        // assert: a name stating no level may match anything
        #expect(UnitLevel.mayMatch(documentName: "市场监管局", directoryName: "区市场监督管理局", governmentLevel: "区"))
        #expect(UnitLevel.mayMatch(documentName: "发改局", directoryName: "区发展和改革局", governmentLevel: "区"))
        // assert: the same level matches
        #expect(UnitLevel.mayMatch(documentName: "市发改委", directoryName: "市发展和改革委员会", governmentLevel: "区"))
        #expect(UnitLevel.mayMatch(documentName: "市发改委", directoryName: "发展和改革委员会", governmentLevel: "市"))
    }

    @Test("Only a collective of the government's own level takes in its units")
    func collectives() {
        #expect(UnitLevel.collectiveIsOwn("区直各单位", governmentLevel: "区"))
        #expect(UnitLevel.collectiveIsOwn("各街道办事处", governmentLevel: "区"))
        #expect(!UnitLevel.collectiveIsOwn("市人民政府各部门", governmentLevel: "区"))
        #expect(!UnitLevel.collectiveIsOwn("省直有关部门", governmentLevel: "市"))
        #expect(UnitLevel.collectiveIsOwn("市人民政府各部门", governmentLevel: nil), "an unknown level decides nothing")
    }
}
