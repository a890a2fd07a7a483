import DubanCore
import Foundation
import Testing

/// The 附表 numbers a notice gives the forms units hand in, read from its sentences or its forms' pages.
@Suite("Annex numbering")
struct AnnexNumberingTests {
    @Test("A notice that refers to its forms in sentences: 办理方案 附表1, 完成情况 附表2, the roster next free")
    func sentences() {
        let text = """
            一、各责任单位要于2026年2月15日前，将制订的办理方案报送区人民政府督查室（报送式样详见附表1）。
            二、各牵头单位要在每个季度第1个月的20日前，将上季度的责任事项完成情况报区人民政府督查室（报送式样详见附表2）。
            """
        #expect(
            AnnexNumbering.detect(in: text)
                == AnnexNumbering(workPlan: "附表1", contacts: "附表3", progress: "附表2"))
    }

    @Test("A notice with its forms' pages, each title under its number")
    func formPages() {
        let text = """
            附表1
            XXX（单位）区《政府工作报告》办理方案
            附表2
            XXX（单位）《政府工作报告》督办工作人员名单
            附表3
            XXX（单位）第X季度工作目标完成情况
            """
        #expect(AnnexNumbering.detect(in: text) == .standard)
        let swapped = text.replacingOccurrences(of: "附表2", with: "附表9").replacingOccurrences(of: "附表3", with: "附表2")
            .replacingOccurrences(of: "附表9", with: "附表3")
        #expect(AnnexNumbering.detect(in: swapped) == AnnexNumbering(workPlan: "附表1", contacts: "附表3", progress: "附表2"))
    }

    @Test("A notice that numbers nothing keeps the standard order")
    func nothing() {
        #expect(AnnexNumbering.detect(in: "各单位要按时报送完成情况。") == .standard)
    }

    @Test(
        "The seeds: the city's notice calls the progress form 附表2, the district's 附表3",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func seeds() throws {
        let folder = try #require(TestPaths.seedsFolder)
        func seed(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
        }
        let city = AnnexNumbering.detect(in: try seed("001_0582390a37362b00"))
        #expect(city.workPlan == "附表1" && city.progress == "附表2")
        let district = AnnexNumbering.detect(in: try seed("002_e6966e7ac26a54e2"))
        #expect(district == .standard)
    }
}
