import DubanCore
import Testing

/// The checks on what reports say: copied wording, statuses their own figures contradict, evidence filed twice.
@Suite("Report quality")
struct ReportQualityTests {
    static let q1Text = "第一季度已梳理涉企政策清单86项，兑现资金1250万元，惠及企业326家，正在组织第二批政策的申报和审核工作。"
    static let q2Copied = "第二季度已梳理涉企政策清单86项，兑现资金2600万元，惠及企业326家，正在组织第二批政策的申报和审核工作。"
    static let q2Own = "二季度新增免申即享政策12项，通过大数据比对主动推送企业412家，其中小微企业占比超过六成，兑现资金累计2600万元。"

    static func report(
        _ id: String, unit: String = "u-cz", task: String = "t4", order: Int, text: String,
        status: ReportStatus = .onSchedule, figures: [DutyRecord.Figure] = [], evidence: [ReportQuality.Evidence] = []
    ) -> ReportQuality.Subject {
        ReportQuality.Subject(
            id: id, unitID: unit, unitName: unit == "u-cz" ? "区财政局" : "区民政局", taskID: task,
            taskNumber: task == "t4" ? "4" : "5", periodOrder: order, periodLabel: order == 0 ? "第一季度" : "第二季度",
            status: status, narrative: text, figures: figures, evidence: evidence)
    }

    @Test(
        "Last quarter's text with its period and numbers changed is flagged as repeated; the unit's own new words are not"
    )
    func repeated() throws {
        let first = Self.report("r1", order: 0, text: Self.q1Text)
        let copied = ReportQuality.check(Self.report("r2", order: 1, text: Self.q2Copied), against: [first])
        let flag = try #require(copied.first)
        #expect(copied.map(\.kind) == [.repeatedText])
        #expect(flag.relatedReportID == "r1" && (flag.similarity ?? 0) > 0.9)
        #expect(flag.evidence.hasPrefix("与本单位第一季度报告的文字相同"))
        #expect(ReportQuality.check(Self.report("r2", order: 1, text: Self.q2Own), against: [first]).isEmpty)
    }

    @Test("The same words from another unit, or for another task of the unit, are flagged as shared")
    func shared() {
        let other = Self.report("m1", unit: "u-mz", task: "t5", order: 0, text: Self.q1Text)
        let flags = ReportQuality.check(Self.report("r1", order: 0, text: Self.q1Text), against: [other])
        #expect(flags.map(\.kind) == [.sharedText])
        #expect(flags.first?.evidence.hasPrefix("与区民政局第5项任务第一季度报告的文字相同100%") == true)
        let ownOtherTask = Self.report("r9", task: "t5", order: 0, text: Self.q1Text)
        #expect(
            ReportQuality.check(Self.report("r1", order: 0, text: Self.q1Text), against: [ownOtherTask]).first?.evidence
                .hasPrefix("与本单位第5项任务") == true)
    }

    @Test("Short texts are alike by nature and never compared")
    func short() {
        let a = Self.report("r1", order: 0, text: "按计划推进。")
        #expect(ReportQuality.check(Self.report("r2", order: 1, text: "按计划推进。"), against: [a]).isEmpty)
    }

    @Test("A status its own figures contradict is flagged with the figures")
    func statusAgainstFigures() {
        let behind = DutyRecord.Figure(
            label: "兑现资金", text: "兑现资金1000万元", standing: .behindPace, gap: "低于序时进度 250 万元",
            target: "不少于5000万元")
        let onPace = ReportQuality.check(
            Self.report("r1", order: 0, text: "按计划推进。", figures: [behind]), against: [])
        #expect(onPace.map(\.kind) == [.onScheduleBehindPace])
        #expect(onPace.first?.evidence == "报按序时推进，但兑现资金1000万元，低于序时进度250万元")
        let done = ReportQuality.check(
            Self.report("r2", order: 1, text: "已完成。", status: .completed, figures: [behind]), against: [])
        #expect(done.map(\.kind) == [.completedBelowTarget])
        #expect(done.first?.evidence == "报已完成，但兑现资金1000万元（目标不少于5000万元）未达年度目标")
    }

    @Test("Evidence already filed for another task is flagged; the same file on the same task is not")
    func evidence() {
        let file = ReportQuality.Evidence(sha256: "abc", fileName: "兑现清单.pdf")
        let otherTask = Self.report("m1", unit: "u-mz", task: "t5", order: 0, text: "略", evidence: [file])
        let sameTask = Self.report("r0", order: 0, text: "略", evidence: [file])
        let filed = Self.report("r1", order: 1, text: "略", evidence: [file])
        #expect(ReportQuality.check(filed, against: [sameTask]).isEmpty)
        let flags = ReportQuality.check(filed, against: [sameTask, otherTask])
        #expect(flags.map(\.kind) == [.reusedEvidence])
        #expect(flags.first?.evidence == "佐证材料“兑现清单.pdf”与区民政局第5项任务第一季度报告的材料完全相同")
    }
}
