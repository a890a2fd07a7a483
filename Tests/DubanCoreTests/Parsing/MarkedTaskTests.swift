import DubanCore
import Testing

/// Tasks marked by hand on a document's lines, and the survey a clerk reads when nothing was found.
@Suite("Marked tasks and the reading survey")
struct MarkedTaskTests {
    static let lines = [
        "加快建设区级智慧停车平台，年内新增公共停车泊位500个。",
        "牵头单位：区交通运输局",
        "责任单位：各街道办事处",
        "做好全年防汛准备工作，汛前完成隐患排查。",
    ]

    @Test func anUnnumberedLineTakesItsRoleLinesAndStopsBeforeTheNextSentence() throws {
        let task = try #require(MarkedTask.read(Self.lines, number: "3"))
        #expect(task.number == "3")
        #expect(task.text == "加快建设区级智慧停车平台，年内新增公共停车泊位500个。")
        #expect(task.roles.leadUnits.map(\.name) == ["区交通运输局"])
        #expect(task.roles.responsibleUnits.map(\.name) == ["各街道办事处"])
    }

    @Test func aNumberedLineKeepsItsOwnNumberAndStopsAtTheNextNumberedLine() throws {
        let task = try #require(
            MarkedTask.read(["5.新建社区食堂10个。（区民政局牵头）", "6.改造农贸市场3个。"], number: "9"))
        #expect(task.number == "5")
        #expect(task.text.hasPrefix("新建社区食堂10个。"))
        #expect(task.roles.leadUnits.map(\.name) == ["区民政局"])
    }

    @Test func aLineWithoutRolesIsStillATaskAndAnEmptyLineIsNone() throws {
        let task = try #require(MarkedTask.read(["做好全年防汛准备工作。"], number: "1"))
        #expect(task.text == "做好全年防汛准备工作。" && task.roles.allUnits.isEmpty)
        #expect(MarkedTask.read(["  "], number: "1") == nil)
    }

    @Test func theSurveyCountsWhatTheReaderLooksForAndAdvises() {
        let survey = ReadingSurvey.survey(text: (["关于做好督办工作的通知", "一、总体要求"] + Self.lines).joined(separator: "\n"))
        #expect(survey.lines == 6)
        #expect(survey.headingLines == 1)
        #expect(survey.roleLines == 2)
        #expect(survey.numberedLines == 0 && survey.tableHeaders == 0)
        #expect(survey.advice.contains("没有找到编号的任务行"))
        #expect(survey.findings.count == 5)
        let table = ReadingSurvey.survey(text: "序号\t工作任务\t牵头单位\t责任单位")
        #expect(table.tableHeaders == 1)
        #expect(ReadingSurvey.survey(text: "").advice.contains("没有读出文字"))
    }
}
