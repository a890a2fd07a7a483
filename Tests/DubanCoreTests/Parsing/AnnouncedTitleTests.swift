import Testing

@testable import DubanCore

/// A news report of a plan names the plan it says was issued; that name is the plan's title when the page
/// prints neither the plan's own title nor its notice's.
@Suite("Announced title")
struct AnnouncedTitleTests {
    @Test("A news lead's 印发《…》 names the plan; a plan's own title comes first")
    func announced() throws {
        // setup
        let news = """
            3月5日，云州市人民政府办公室印发了《2026年市〈政府工作报告〉重点工作分工方案》，明确责任分工。
            推进低空经济产业发展。
            分管领导：陈立
            部门分工：市发展改革委牵头，市交通运输局配合。
            """
        let titled = "2026年区重点工作责任分解方案\n" + news
        // act
        let fromNews = try #require(PlanParser.parse(text: news).first)
        let fromTitle = try #require(PlanParser.parse(text: titled).first)
        // assert
        #expect(fromNews.title == "2026年市〈政府工作报告〉重点工作分工方案" && fromNews.year == 2026)
        #expect(fromTitle.title == "2026年区重点工作责任分解方案")
    }

    @Test("Only a plan's name after 印发 counts", arguments: ["现将《2026年重点工作分工方案》印发给你们，请认真落实。", "会议印发《学习资料》。"])
    func notAnnounced(line: String) {
        #expect(TitleFinder.announcedTitle(in: SourceLine.lines(of: line)[...]) == nil)
    }
}
