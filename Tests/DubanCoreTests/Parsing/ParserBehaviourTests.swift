import DubanCore
import Testing

/// One behaviour per test, on short texts written for the purpose.
@Suite("Plan parser behaviour")
struct ParserBehaviourTests {
    private func onlyDocument(_ text: String) throws -> PlanDocument {
        let documents = PlanParser.parse(text: text)
        #expect(documents.count == 1)
        return try #require(documents.first)
    }

    @Test("Text that is not a plan yields no document")
    func notAPlan() {
        let report = """
            政府工作报告
            一、2024年工作回顾
            1、坚持项目为王。全年新开工亿元以上项目42个。
            2、坚持改革创新。新增市场主体1.2万户。
            """
        #expect(PlanParser.parse(text: report).isEmpty)
        #expect(PlanParser.parse(text: "").isEmpty)
        #expect(PlanParser.parse(text: "\u{0}\u{1}binary\u{FFFD}").isEmpty)
    }

    @Test("Numbered paragraphs of the notice above the plan title are not tasks")
    func noticeAboveTitle() throws {
        let document = try onlyDocument(
            """
            关于印发重点工作责任分解方案的通知
            1.各单位要高度重视。(责任单位:各街道办事处)
            2025年重点工作责任分解方案
            1.建设社区食堂4个。(责任单位:区民政局)
            """)
        #expect(document.tasks.map(\.text) == ["建设社区食堂4个。"])
        #expect(document.title == "2025年重点工作责任分解方案")
    }

    @Test("A (一) line with units is a task when nothing is numbered below it, a heading otherwise")
    func targetOrHeading() throws {
        let document = try onlyDocument(
            """
            一、主要目标
            (一)地区生产总值增长6%。(牵头单位:区发改局)
            (二)做强产业(牵头单位:区科经局)
            1.新增规上工业企业15家。(责任单位:区统计局)
            """)
        #expect(document.tasks.map(\.number) == ["(一)", "1"])
        #expect(document.tasks[0].kind == .target)
        #expect(document.tasks[1].sections == ["一、主要目标", "(二)做强产业"])
        #expect(document.tasks[1].roles.leadUnits.map(\.name) == ["区科经局"])
        #expect(document.tasks[1].roles.responsibleUnits.map(\.name) == ["区统计局"])
    }

    @Test("Roles on lines of their own below a heading apply to its tasks")
    func headingRoleLines() throws {
        let document = try onlyDocument(
            """
            二、稳定就业
            分管领导：李明
            牵头单位：区人社局
            1.新增城镇就业8000人。
            2.开展职业技能培训5000人次。(责任单位:区教育局)
            """)
        #expect(document.tasks.map { $0.roles.leaders } == [["李明"], ["李明"]])
        #expect(document.tasks.map { $0.roles.leadUnits.map(\.name) } == [["区人社局"], ["区人社局"]])
        #expect(document.tasks[1].roles.responsibleUnits.map(\.name) == ["区教育局"])
    }

    @Test("Leaders and units named on a heading apply to its tasks unless a task names its own")
    func headingClause() throws {
        let document = try onlyDocument(
            """
            一、推动高质量发展（责任领导：王立新；牵头单位：区发改局）
            1.新增规上工业企业15家。（责任单位：区科经局）
            2.实施技改项目40个。（牵头单位：区科经局；配合单位：区财政局）
            """)
        #expect(document.tasks.map(\.sections) == [["一、推动高质量发展"], ["一、推动高质量发展"]])
        #expect(document.tasks.map { $0.roles.leaders } == [["王立新"], ["王立新"]])
        #expect(document.tasks.map { $0.roles.leadUnits.map(\.name) } == [["区发改局"], ["区科经局"]])
        #expect(document.tasks[1].roles.assistingUnits.map(\.name) == ["区财政局"])
    }

    @Test("A gap in the numbering and a number that goes back are both reported")
    func numberingWarnings() throws {
        let document = try onlyDocument(
            """
            1.建设社区食堂4个。(责任单位:区民政局)
            2.新增停车泊位2000个。(责任单位:区交通运输局)
            5.改造老旧小区18个。(责任单位:区住建局)
            3.新建幼儿园2所。(责任单位:区教育局)
            """)
        #expect(document.tasks.map(\.number) == ["1", "2", "5"])
        #expect(document.warnings.map(\.line) == [3, 4])
    }

    @Test("A declared count that does not match is reported")
    func declaredMismatch() throws {
        let document = try onlyDocument(
            """
            二、重点工作(共3项)
            1.建设社区食堂4个。(责任单位:区民政局)
            2.新增停车泊位2000个。(责任单位:区交通运输局)
            """)
        #expect(document.declaredCounts == [DeclaredCount(text: "共3项", declared: 3, found: 2)])
        #expect(document.warnings.contains { $0.message.contains("共3项") })
    }

    @Test("A task without any unit is kept and reported")
    func taskWithoutUnit() throws {
        let document = try onlyDocument(
            """
            1.建设社区食堂4个。(责任单位:区民政局)
            2.新增停车泊位2000个。
            """)
        #expect(document.tasks.count == 2)
        #expect(document.warnings == [ParseWarning(line: 2, message: "任务 2 未写明责任单位")])
    }

    @Test("Text with units but no number is reported as a leftover, not dropped silently")
    func leftoverFragment() throws {
        let document = try onlyDocument(
            """
            1.建设社区食堂4个。(责任单位:区民政局)
            推进农村公路提档升级改造工程。(责任单位:区交通运输局)
            """)
        #expect(document.tasks.count == 1)
        #expect(document.warnings.map(\.line) == [2])
    }

    @Test("A decomposition row repeated under two units is one task with both units' roles")
    func duplicateRowsMerge() throws {
        let document = try onlyDocument(
            """
            责任单位：区发改局
            序号\t工作标准\t分管区领导\t牵头单位\t责任单位
            1\t新增5G基站200个。\t王立新\t区发改局\t
            责任单位：区科经局
            序号\t工作标准\t分管区领导\t牵头单位\t责任单位
            1\t新增5G基站200个。\t孙丽\t区科经局\t区通信办
            """)
        #expect(document.tasks.count == 1)
        #expect(document.tasks[0].roles.leaders == ["王立新", "孙丽"])
        #expect(document.tasks[0].roles.leadUnits.map(\.name) == ["区发改局", "区科经局"])
        #expect(document.tasks[0].roles.responsibleUnits.map(\.name) == ["区通信办"])
        #expect(document.warnings.isEmpty)
    }

    @Test("Keys stay unique when a document numbers two lists alike")
    func uniqueKeys() throws {
        let document = try onlyDocument(
            """
            1.建设社区食堂4个。(责任单位:区民政局)
            附件
            1.新增停车泊位2000个。(责任单位:区交通运输局)
            """)
        #expect(document.tasks.map(\.key) == ["1", "1#2"])
    }
}
