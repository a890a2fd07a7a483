@testable import DubanCore
import Testing

/// How single lines are cleaned and classified.
@Suite("Line rules")
struct LineRulesTests {
    @Test(
        "Line starts",
        arguments: [
            ("一、聚焦“主引擎”", LineStart.heading(level: 1, marker: "一", printed: "一、")),
            ("十二、其他", .heading(level: 1, marker: "十二", printed: "十二、")),
            ("(三)居民消费价格涨幅3%左右。", .heading(level: 2, marker: "三", printed: "(三)")),
            ("（十五）提升社区服务能力", .heading(level: 2, marker: "十五", printed: "(十五)")),
            ("——着力建设创新平台", .heading(level: 3, marker: "", printed: "——")),
            ("7.重点围绕新技术安全", .numbered(7)),
            ("115．完善消防救援体系", .numbered(115)),
            ("15、坚持项目为王", .numbered(15)),
            ("责任单位：区财政局", .roleLabel),
            ("附件", .attachment), ("附件:", .attachment), ("附件 3", .attachment), ("附表2", .attachment),
            ("抄送：区委办公室", .footer),
            ("东西湖区人民政府办公室 2019年4月9日印发", .footer),
        ])
    func classifies(text: String, start: LineStart) {
        #expect(LineStart.classify(text) == start)
    }

    @Test(
        "Continuation lines announce nothing",
        arguments: [
            "1.5万亩高标准农田", "2020年以来", "局", "区人力资源和社会保障局、区财政局）", "附件中的表格", "十分重要的工作",
            "一是加强领导", "",
        ])
    func continuation(text: String) {
        #expect(LineStart.classify(text) == nil)
    }

    @Test(
        "Cleaning removes typesetting remnants and spaces between Chinese characters",
        arguments: [
            ("# 2022 年区《政府工作报告》重点工作 责任分解方案", "2022年区《政府工作报告》重点工作 责任分解方案"),
            ("分管区领导：李先勇  祝莹", "分管区领导：李先勇 祝莹"),
            ("**一、加强组织领导。**各责任单位", "一、加强组织领导。各责任单位"),
            ("42.发放民防应急包5万个。(责任单位:市民防办)〖ZP(〗附表1", "42.发放民防应急包5万个。(责任单位:市民防办)"),
            ("<p>81.优化生育激励政策</p>", "81.优化生育激励政策"),
            ("深化 P2P 网络借贷等风险点整治", "深化P2P网络借贷等风险点整治"),
            ("support 5G and IPv6 rollout", "support 5G and IPv6 rollout"),
            ("\u{3000}区财政局\u{00A0} ", "区财政局"),
        ])
    func cleans(raw: String, cleaned: String) {
        #expect(LineCleaner.clean(Substring(raw)) == cleaned)
    }

    @Test("Texts lose every typesetting space, names in role lines keep theirs until the role reader splits them")
    func collapse() {
        #expect(LineCleaner.collapseSpaces("2022年区《政府工作报告》重点工作 责任分解方案") == "2022年区《政府工作报告》重点工作责任分解方案")
        let clause = RoleClause.parse(LineCleaner.clean("分管区领导：李先勇 祝莹；责任单位：区发改局 区财政局"))
        #expect(clause?.roles.leaders == ["李先勇", "祝莹"])
        #expect(clause?.roles.responsibleUnits.map(\.name) == ["区发改局", "区财政局"])
    }

    @Test("Page numbers are recognised, ordinary short lines are not")
    func pageNumbers() {
        for text in ["- 3 -", "— 12 —", "－ 2 －", "第 3 页", "3/10", "7"] {
            #expect(LineCleaner.isPageNumber(text), "\(text)")
        }
        for text in ["局", "2019年", "12月", "一"] { #expect(!LineCleaner.isPageNumber(text), "\(text)") }
    }

    @Test("Editors' closing marks are furniture; bracketed numbers, notes and role clauses are not")
    func editorialMarks() {
        for text in ["(truncated)", "（完）", "(未完待續)", "（ 全文完 ）"] {
            #expect(LineCleaner.isEditorialMark(text), "\(text)")
        }
        for text in ["(一)", "(1)", "（牵头单位：区财政局）", "（区发改局）", "(GD)", "完", "（完成时限：6月）", "（此件公开发布）"] {
            #expect(!LineCleaner.isEditorialMark(text), "\(text)")
        }
    }

    @Test("Document numbers, dates and years")
    func metadata() {
        #expect(DocumentMetadata.docNumber(startingLine: "东政办〔2022〕1号") == "东政办〔2022〕1号")
        #expect(DocumentMetadata.docNumber(startingLine: "武政办[2022]1号—市人民政府办公厅关于…") == "武政办〔2022〕1号")
        #expect(DocumentMetadata.docNumber(startingLine: "按照武政办〔2023〕5号要求") == nil)
        #expect(DocumentMetadata.isDocNumberLine("新政办〔2023〕5号"))
        #expect(!DocumentMetadata.isDocNumberLine("新政办〔2023〕5号文件要求各单位"))
        #expect(DocumentMetadata.date(in: "2022年1月22日") == "2022-01-22")
        #expect(DocumentMetadata.date(in: "东西湖区人民政府办公室 2019年4月9日印发") == "2019-04-09")
        #expect(DocumentMetadata.date(in: "发布日期:2023-02-07 16:05 文章来源:武汉市江夏区人民政府办公室") == "2023-02-07")
        #expect(DocumentMetadata.date(in: "2022年13月40日") == nil)
        #expect(DocumentMetadata.year(title: "2023年区《政府工作报告》责任分解方案", date: "2024-01-01") == 2023)
        #expect(DocumentMetadata.year(title: "关于落实重点工作部门分工的意见", date: "2024-03-01") == 2024)
    }
}
