import DubanCore
import Testing

/// A 督查通报 drafted from a district's third quarter: the sentences, the lines naming units, praise, annexes,
/// and what refreshing the numbers keeps.
@Suite("Bulletin composer")
struct BulletinComposerTests {
    static let fgj = BulletinFacts.UnitRef(id: "u1", name: "区发展和改革局")
    static let czj = BulletinFacts.UnitRef(id: "u2", name: "区财政局")
    static let mzj = BulletinFacts.UnitRef(id: "u3", name: "区民政局")
    static let jtj = BulletinFacts.UnitRef(id: "u4", name: "区交通运输局")

    static let facts = BulletinFacts(
        planTitle: "2026年区《政府工作报告》重点工作责任分解方案", periodLabel: "2026年第三季度", asOf: "2026年9月30日",
        expectedShare: 75,
        tasks: [
            .init(
                taskID: "t1", number: "1", text: "地区生产总值增长8%左右。", kind: .target, units: [fgj], standing: .behind,
                figures: [
                    .init(text: "地区生产总值增长7.1%", target: "增长8%左右", standing: .behindPace, gap: "低于目标 0.9 个百分点")
                ]),
            .init(
                taskID: "t2", number: "4", text: "建立涉企政策“免申即享”清单，年内兑现资金不少于5000万元。", kind: .task,
                units: [czj], standing: .completed,
                figures: [.init(text: "兑现资金5600万元", target: "不少于5000万元", standing: .exceeded, gap: "")],
                isAhead: true),
            .init(
                taskID: "t3", number: "5", text: "新建社区食堂4个。", kind: .livelihood, units: [mzj], standing: .behind,
                reason: "选址调整，开工推迟。"),
            .init(
                taskID: "t4", number: "6", text: "新增公共停车泊位2000个。", kind: .livelihood, units: [jtj],
                standing: .unreported),
            .init(taskID: "t5", number: "2", text: "城镇新增就业1.2万人。", kind: .target, units: [czj], standing: .onPace),
        ])

    @Test("一、总体情况 counts by standing and kind, gives the share, and states the 序时 rule")
    func overall() {
        let content = BulletinComposer.draft(Self.facts)
        #expect(
            content.overall
                == "截至2026年9月30日，《2026年区〈政府工作报告〉重点工作责任分解方案》确定的5项任务中，已完成1项，按序时推进1项，进展滞后2项，未报送1项，"
                + "已完成和按序时推进的占40%。其中，主要目标2项（按序时推进1项，进展滞后1项）；重点工作1项（已完成1项）；民生实事2项（进展滞后1项，未报送1项）。"
                + "序时进度按时间进度计算，2026年第三季度末为75%；增长率、比例等指标与年度目标直接比较。")
    }

    @Test("二、 names each lagging task with its units, figure, target and gap, then the unreported")
    func laggards() {
        let lines = BulletinComposer.draft(Self.facts).laggards
        #expect(
            lines.map(\.text) == [
                "（1）第1项“地区生产总值增长8%左右。”（区发展和改革局）：地区生产总值增长7.1%（目标增长8%左右），低于目标0.9个百分点。",
                "（2）第5项“新建社区食堂4个。”（区民政局）：进展滞后。原因：选址调整，开工推迟。",
                "（3）第6项“新增公共停车泊位2000个。”（区交通运输局）：未按时报送2026年第三季度完成情况。",
            ])
        #expect(lines.map(\.unitIDs) == [["u1"], ["u3"], ["u4"]])
    }

    @Test("表扬 goes to units whose every task is on 序时 and one is ahead")
    func praise() {
        let content = BulletinComposer.draft(Self.facts)
        #expect(content.praise == "区财政局按时报送、推进有力，所承担任务提前完成或超额完成年度目标，予以通报表扬。")
        #expect(content.praised.map(\.text) == ["区财政局：第4项“建立涉企政策“免申即享”清单，年内兑现资金不少于5000万元。”兑现资金5600万元，超额完成目标。"])
        var late = Self.facts
        late.tasks[1].daysLate = 3
        #expect(BulletinComposer.draft(late).praise == "", "a late report forfeits praise")
    }

    @Test("The annexes list tasks behind and on 序时, unit by unit")
    func annexes() {
        let tables = BulletinComposer.annexTables(Self.facts)
        #expect(tables.map(\.title) == ["2026年第三季度进展滞后（慢于序时）任务清单", "2026年第三季度按序时推进任务清单"])
        #expect(tables[0].rows.map { $0[0] } == ["区发展和改革局", "区民政局", "区交通运输局"])
        #expect(tables[0].rows[0][3] == "进展滞后；地区生产总值增长7.1%，低于目标0.9个百分点")
        #expect(tables[1].rows.map { $0[0] } == ["区财政局", "区财政局"], "one unit's rows together")
    }

    @Test("Refreshing redraws the numbers, keeps the requirements and the lines left out")
    func refresh() {
        var content = BulletinComposer.draft(Self.facts)
        content.requirements = "请各单位抓紧整改。"
        content.laggards[2].kept = false
        var newer = Self.facts
        newer.tasks[3].standing = .behind
        let refreshed = BulletinComposer.refreshed(content, with: newer)
        #expect(refreshed.requirements == "请各单位抓紧整改。")
        #expect(refreshed.overall.contains("进展滞后3项"))
        #expect(refreshed.laggards.map(\.kept) == [true, true, false])
    }

    @Test("A round bulletin tallies the findings and names those overdue")
    func roundFindings() {
        var facts = Self.facts
        facts.roundTitle = "2026年第三季度重点督查"
        facts.findings = [
            .init(
                taskID: "t3", taskNumber: "5", unit: Self.mzj, problem: "食堂选址未公示", due: "9月10日", isClosed: false,
                isOverdue: true),
            .init(
                taskID: "t2", taskNumber: "4", unit: Self.czj, problem: "台账不全", due: "9月5日", isClosed: true,
                isOverdue: false),
        ]
        let content = BulletinComposer.draft(facts)
        #expect(content.findings == "2026年第三季度重点督查共发现问题2个，已整改销号1个，正在整改1个，其中逾期未整改1个：")
        #expect(content.findingLines.map(\.text) == ["区民政局：第5项，食堂选址未公示（整改时限9月10日，已逾期）。"])
    }
}
