import Foundation
import Testing
import DubanFormats

/// Reads real files from Fixtures/ through the file-based entry point.
@Suite("Fixture files")
struct FixtureTests {
    @Test func gb18030PlanFile() throws {
        let url = TestFiles.fixture("plan-gb18030.txt")
        let raw = try Data(contentsOf: url)
        #expect(String(data: raw, encoding: .utf8) == nil, "fixture must not be valid UTF-8")

        let document = try DocumentReader.read(fileAt: url)
        #expect(document.encoding == "GB18030")
        #expect(document.format == .text)
        #expect(
            document.text == """
                2025年度优化营商环境重点任务清单
                一、优化营商环境
                1.推行企业开办“一网通办”，办理时限压缩至1个工作日以内。(牵头单位:区行政审批局;责任单位:区市场监管局、区税务局)
                2.建立涉企政策“免申即享”清单，年内兑现奖补资金不少于2000万元。(牵头单位:区财政局;责任单位:区发改局、区科经局)
                3.开展工程建设项目审批提速行动，社会投资小型项目审批时间控制在15个工作日内。(牵头单位:区住建局;责任单位:区自然资源分局、区行政审批局)

                """)
    }
}
