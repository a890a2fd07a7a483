@testable import DubanCore
import Testing

/// The role statements documents attach to tasks, in every wording the parser knows.
@Suite("Role clauses")
struct RoleClauseTests {
    @Test("Labelled clause splits lead and responsible units")
    func labelledClause() throws {
        let clause = try #require(RoleClause.parse("牵头单位:区发改局;责任单位:区科经、商务局,郑店、五里界街道办事处"))
        #expect(clause.roles.leadUnits.map(\.name) == ["区发改局"])
        #expect(clause.roles.responsibleUnits.map(\.name) == ["区科经局", "区商务局", "郑店街道办事处", "五里界街道办事处"])
        #expect(clause.appliesToPrevious == nil)
    }

    @Test("Full-width punctuation and labels separated by commas read the same")
    func fullWidthLabels() throws {
        let clause = try #require(RoleClause.parse("牵头单位：区教育局，责任单位：区财政局，协办单位：各街道办事处"))
        #expect(clause.roles.leadUnits.map(\.name) == ["区教育局"])
        #expect(clause.roles.responsibleUnits.map(\.name) == ["区财政局"])
        #expect(clause.roles.assistingUnits.map(\.name) == ["各街道办事处"])
    }

    @Test(
        "以上N项 carries its count, in Arabic or Chinese numerals",
        arguments: [
            ("以上 6 项责任单位：区扶贫办", 6), ("以上三项责任单位:区民政局", 3), ("以上12项的责任单位：区财政局", 12),
        ])
    func aboveCount(text: String, count: Int) throws {
        let clause = try #require(RoleClause.parse(text))
        #expect(clause.appliesToPrevious == count)
        #expect(clause.roles.responsibleUnits.count == 1)
    }

    @Test("State Council 分工 style: X牵头，Y按职责分工负责，Z配合")
    func divisionOfLabour() throws {
        let clause = try #require(RoleClause.parse("发展改革委牵头，商务部、财政部等按职责分工负责，国家统计局配合"))
        #expect(clause.roles.leadUnits.map(\.name) == ["发展改革委"])
        #expect(clause.roles.responsibleUnits.map(\.name) == ["商务部", "财政部"])
        #expect(clause.roles.assistingUnits.map(\.name) == ["国家统计局"])
    }

    @Test("Lists without a verb of their own belong to the next one that has it")
    func listsBeforeTheirVerb() throws {
        // act
        let clause = try #require(RoleClause.parse("市发展改革委牵头，市委网信办，市财政局、统计局等配合"))
        let dangling = RoleClause.parse("市发展改革委牵头，市财政局")
        // assert
        #expect(clause.roles.leadUnits.map(\.name) == ["市发展改革委"])
        #expect(clause.roles.assistingUnits.map(\.name) == ["市委网信办", "市财政局", "市统计局"])
        #expect(dangling?.roles.assistingUnits.isEmpty ?? true, "a trailing list with no verb is not read as assisting")
    }

    @Test("Traditional labels are recognised and names pass through")
    func traditionalLabels() throws {
        let clause = try #require(RoleClause.parse("責任單位：農業農村部；協辦單位：自然資源部"))
        #expect(clause.roles.responsibleUnits.map(\.name) == ["農業農村部"])
        #expect(clause.roles.assistingUnits.map(\.name) == ["自然資源部"])
    }

    @Test(
        "Leaders and deadlines",
        arguments: [
            ("责任领导：皮惠兰、卢永桢", ["皮惠兰", "卢永桢"], nil as String?),
            ("分管区领导:李先勇 祝莹;完成时限:2025年6月底", ["李先勇", "祝莹"], "2025年6月底"),
            ("牵头领导：王立新同志", ["王立新"], nil),
        ])
    func leadersAndDeadline(text: String, leaders: [String], deadline: String?) throws {
        let clause = try #require(RoleClause.parse(text))
        #expect(clause.roles.leaders == leaders)
        #expect(clause.roles.deadline == deadline)
    }

    @Test(
        "Remarks in brackets are not role clauses",
        arguments: [
            "共135项", "以市级下达目标为参照,以区委组织部下达至各街道办事处、区直各单位的绩效目标为准", "新洲区牵头的项目除外",
            "含开发区", "", "AED",
        ])
    func remarks(text: String) {
        #expect(RoleClause.parse(text) == nil)
    }
}

/// Finding the clause at the end of a task's words.
@Suite("Trailing clauses")
struct TrailingClauseTests {
    @Test("Clause with a nested alias bracket is removed whole")
    func nestedAlias() throws {
        let (body, clause) = TrailingClause.split("推进数字政府建设。（责任单位：区行政审批局（政务服务和大数据管理局）、区司法局）")
        #expect(body == "推进数字政府建设。")
        let roles = try #require(clause).roles
        #expect(roles.responsibleUnits.map(\.name) == ["区行政审批局", "区司法局"])
        #expect(roles.responsibleUnits.first?.aliases == ["区政务服务和大数据管理局"])
    }

    @Test("A clause that lost its closing bracket at a page end still counts")
    func unclosed() throws {
        let (body, clause) = TrailingClause.split("推行绿色采购。(责任单位:区财政局、区政务服务中心,区直各相关部门")
        #expect(body == "推行绿色采购。")
        #expect(try #require(clause).roles.responsibleUnits.count == 3)
    }

    @Test("A clause cut mid-word where an excerpt stops is read as far as it goes")
    func cutMidWord() throws {
        // act
        let (body, sentence) = TrailingClause.split(
            "稳定粮食生产。(分管副市长负责,市农业农村局牵头,市发展改革委、市财政局等按职责分")
        let (_, labelled) = TrailingClause.split("建设智慧园区。(牵头单位:市工信局;责任单位:市财政局、市数据局、")
        // assert
        #expect(body == "稳定粮食生产。")
        let roles = try #require(sentence).roles
        #expect(roles.leaders == ["分管副市长"])
        #expect(roles.leadUnits.map(\.name) == ["市农业农村局"])
        #expect(roles.responsibleUnits.map(\.name) == ["市发展改革委", "市财政局"])
        #expect(try #require(labelled).roles.responsibleUnits.map(\.name) == ["市财政局", "市数据局"])
        #expect(sentence?.cutShort == true && labelled?.cutShort == false, "only a half-written phrase is a cut")
    }

    @Test("A page saver's closing mark after a cut clause does not hide the task")
    func markAfterCut() throws {
        // setup
        let text = """
            2026年某市重点工作责任分工
            一、主要目标
            1.地区生产总值增长6%。(牵头单位:市发展改革委)
            2.一般公共预算收入增长4%。(牵头单位:市财政局;责任单位:市税务局、
            (truncated)
            """
        // act
        let tasks = try #require(PlanParser.parse(text: text).first).tasks
        // assert
        #expect(tasks.map(\.number) == ["1", "2"])
        #expect(tasks.last?.roles.responsibleUnits.map(\.name) == ["市税务局"])
        #expect(tasks.last?.text == "一般公共预算收入增长4%。")
    }

    @Test("Text without a clause is returned unchanged, including remarks in brackets")
    func noClause() {
        let text = "在公共场所配置自动体外除颤仪(AED)4000台。"
        let (body, clause) = TrailingClause.split(text)
        #expect(body == text)
        #expect(clause == nil)
        #expect(TrailingClause.split("二、重点工作(共135项)").clause == nil)
    }

    @Test("Punctuation after the clause is tolerated")
    func punctuationAfter() throws {
        let (body, clause) = TrailingClause.split("整治29处积水点。(责任单位:市水务局)。")
        #expect(body == "整治29处积水点。")
        #expect(try #require(clause).roles.responsibleUnits.map(\.name) == ["市水务局"])
    }
}
