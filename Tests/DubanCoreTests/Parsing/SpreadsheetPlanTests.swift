import DubanCore
import DubanFormats
import Foundation
import Testing

/// A 分解表 kept in Excel reads like the same table in Word: the header found by its words, a merged leader
/// cell applying to every row it spans.
@Suite("Plans kept in Excel")
struct SpreadsheetPlanTests {
    @Test func anExcelDecompositionTableGivesItsTasks() throws {
        let rows = [
            ["2026年区政府工作报告重点工作任务分解表"],
            ["序号", "重点工作", "责任领导", "牵头单位", "配合单位", "完成时限"],
            ["1", "新建5G基站300个，实现城区全覆盖。", "王立新", "区科经局", "区财政局、区住建局", "2026年12月"],
            ["2", "建成区级数据中心。", "王立新", "区政务服务局", "", "2026年9月"],
        ]
        let data = try XlsxWriter.data(sheets: [.init(name: "任务", rows: rows)])
        let decoded = try DocumentReader.read(data: data, fileName: "分解表.xlsx")
        let tasks = try #require(PlanParser.parse(text: decoded.text).first?.tasks)
        #expect(tasks.map(\.number) == ["1", "2"])
        #expect(tasks[0].roles.leaders == ["王立新"])
        #expect(tasks[0].roles.leadUnits.map(\.name) == ["区科经局"])
        #expect(tasks[0].roles.assistingUnits.map(\.name) == ["区财政局", "区住建局"])
        #expect(tasks[1].roles.deadline == "2026年9月")
    }
}
