import Testing

@testable import DubanCore

/// A paragraph followed by role lines is a task even unnumbered — in a document that numbers none; in a
/// numbered plan the same lines give a heading's roles to the tasks beneath it.
@Suite("Unnumbered tasks")
struct UnnumberedTaskTests {
    @Test("In a notice without numbers, each paragraph with role lines is a task, numbered in order and warned")
    func unnumberedNotice() throws {
        // setup
        let text = """
            关于做好2026年民生实事督办的通知
            各街道办事处，区直各部门：
            现将今年的民生实事分工如下：
            新建社区食堂6个，年内全部投入运营。
            牵头单位：区民政局
            配合单位：各街道办事处
            改造背街小巷20条。
            责任单位：区城市管理执法局、区住房和城市更新局
            区人民政府办公室
            2026年3月9日
            """
        // act
        let document = try #require(PlanParser.parse(text: text).first)
        // assert
        #expect(document.tasks.map(\.number) == ["1", "2"])
        #expect(document.tasks.map(\.text) == ["新建社区食堂6个，年内全部投入运营。", "改造背街小巷20条。"])
        #expect(document.tasks[0].roles.leadUnits.map(\.name) == ["区民政局"])
        #expect(document.tasks[0].roles.assistingUnits.map(\.name) == ["各街道办事处"])
        #expect(document.tasks[1].roles.responsibleUnits.map(\.name) == ["区城市管理执法局", "区住房和城市更新局"])
        #expect(document.warnings.filter { $0.message.contains("没有编号") }.count == 2)
    }

    @Test("In a numbered plan, role lines after a heading's prose stay the heading's")
    func numberedPlanKeepsSectionRoles() throws {
        // setup
        let text = """
            2026年区重点工作责任分解方案
            一、优化营商环境
            深化“放管服”改革，持续提升政务服务水平。
            牵头单位：区行政审批局
            1.推行企业开办“一网通办”。
            2.建立涉企政策“免申即享”清单。（责任单位：区财政局）
            """
        // act
        let tasks = try #require(PlanParser.parse(text: text).first).tasks
        // assert
        #expect(tasks.map(\.number) == ["1", "2"])
        #expect(tasks.allSatisfy { $0.roles.leadUnits.map(\.name) == ["区行政审批局"] })
    }
}
