import DubanCore
import Testing

/// One unit's score for one period under a scheme: weights, bands, limits, floor and cap, and exclusion.
@Suite("Scoring engine")
struct ScoringEngineTests {
    @Test("A lead unit on two tasks and an assisting unit on a third gets every point explained")
    func realisticUnit() {
        // setup
        let facts = ScoringFixtures.bureau

        // act
        let score = ScoreEngine.score(facts, scheme: .standard)

        // assert
        #expect(score.included)
        #expect(score.total == 98.85)
        #expect(score.deductions == 4.15)
        #expect(score.additions == 3)
        #expect(score.clip == nil)
        #expect(
            score.lines.map(\.sentence) == [
                "基础分100分",
                "第12项“全年地区生产总值增长8%左右”：第一季度报告逾期5天（4月25日报送），扣1分（牵头单位，权重1.0，计扣1分）",
                "第12项“全年地区生产总值增长8%左右”：未达序时进度（地区生产总值增长7.1%，低于目标0.9个百分点），扣1分（牵头单位，权重1.0，计扣1分）",
                "第15项“外贸进出口总额增长10%”：工作方案未报送（2月15日截止），扣2分（牵头单位，权重1.0，计扣2分）",
                "第15项“外贸进出口总额增长10%”：超额完成目标（外贸进出口总额增长12.3%，高于目标2.3个百分点），加1分（牵头单位，权重1.0，计加1分）",
                "第15项“外贸进出口总额增长10%”：受到督查通报表扬（2026年第3期），加2分（牵头单位，权重1.0，计加2分）",
                "第一、3项“持续优化营商环境”：第一季度报告逾期2天（4月22日报送），扣0.5分（协办单位，权重0.3，计扣0.15分）",
            ])
        #expect(score.lines.map(\.points) == [100, -1, -1, -2, 1, 2, -0.15])
        #expect(score.lineSumInHundredths == 9885)
        #expect(score.summary == "2026年第一季度扣4.15分，加3分，得98.85分。")
    }

    @Test("A line carries its rule, task, role, weight, day and the record it links to")
    func lineFields() throws {
        // act
        let score = ScoreEngine.score(ScoringFixtures.bureau, scheme: .standard)

        // assert
        let assisting = try #require(score.lines.last)
        #expect(assisting.kind == .rule(.reportLate))
        #expect(assisting.label == "报告逾期报送")
        #expect(assisting.weight == 0.3)
        #expect(assisting.taskID == "task-1-3")
        #expect(assisting.taskNumber == "一、3")
        #expect(assisting.taskLabel == "持续优化营商环境")
        #expect(assisting.role == .assisting)
        #expect(assisting.day == .iso("2026-04-22"))
        #expect(assisting.reference == ScoreReference(kind: .report, id: "report-1-3-q1"))
        #expect(assisting.period == nil)
    }

    @Test("The same missing report costs each role its weight: 1.0, 1.0, 0.6 and 0.3")
    func weightsByRole() {
        // setup
        let missing = ScoringEvent(kind: .reportMissing, day: .iso("2026-04-20"), detail: "第一季度")

        // act
        let points = AssignmentRole.allCases.map { role in
            ScoreEngine.score(ScoringFixtures.unit("区人社局", role: role, events: [missing]), scheme: .standard)
                .rulePoints
        }

        // assert
        #expect(points == [[-3], [-3], [-1.8], [-0.9]])
    }

    @Test("A late report costs its band: 1–3 days 0.5, 4–7 days 1, 8 days and more 2; on time costs nothing")
    func lateReportBands() {
        // setup
        let days: [Int?] = [1, 3, 4, 7, 8, 45, 0, nil]

        // act
        let points = days.map { days in
            ScoreEngine.score(
                ScoringFixtures.unit("区人社局", events: [ScoringFixtures.lateReport(days)]), scheme: .standard
            ).rulePoints
        }

        // assert: unknown days take the rule's flat points
        #expect(points == [[-0.5], [-0.5], [-1], [-1], [-2], [-2], [], [-0.5]])
    }

    @Test("Edited bands replace the standard ones")
    func editedBands() {
        // setup
        var scheme = ScoringScheme.standard
        scheme.rules[.reportLate] = ScoringRule(
            points: 1, bands: [DayBand(from: 1, to: 5, points: 1), DayBand(from: 6, to: nil, points: 3)])

        // act
        let points = [3, 6].map { days in
            ScoreEngine.score(ScoringFixtures.unit("区人社局", events: [ScoringFixtures.lateReport(days)]), scheme: scheme)
                .rulePoints
        }

        // assert
        #expect(points == [[-1], [-3]])
    }

    @Test("A late work plan costs 0.5 for each started 3 days, up to the rule's limit of 2 a period")
    func workPlanPerDays() throws {
        // setup
        let late = { (days: Int) in
            ScoringEvent(kind: .workPlanLate, day: .iso("2026-02-20"), daysLate: days)
        }

        // act
        let points = [1, 3, 4, 7].map { days in
            ScoreEngine.score(ScoringFixtures.unit("区人社局", events: [late(days)]), scheme: .standard).rulePoints
        }
        let veryLate = ScoreEngine.score(ScoringFixtures.unit("区人社局", events: [late(20)]), scheme: .standard)

        // assert
        #expect(points == [[-0.5], [-0.5], [-1], [-1.5]])
        #expect(veryLate.total == 98)
        let line = try #require(veryLate.lines.last)
        #expect(
            line.sentence
                == "第8项“新增城镇就业1.2万人”：工作方案逾期20天（2月20日报送），扣3.5分（牵头单位，权重1.0，计扣3.5分；本规则每期最多扣2分，实计扣2分）")
    }

    @Test("A rule's period limit counts across tasks: the line that reaches it counts part, later ones nothing")
    func periodLimitAcrossTasks() {
        // setup
        var scheme = ScoringScheme.standard
        scheme.rules[.reportLate]?.periodLimit = 1.5
        let items = ["3", "4", "5"].map { number in
            ScoringItem(
                taskID: "task-\(number)", taskNumber: number, taskLabel: "推进重点项目建设", role: .lead,
                events: [ScoringFixtures.lateReport(5, id: "report-\(number)")])
        }
        let facts = UnitPeriodFacts(unitID: "unit-jtj", unitName: "区交通运输局", periodLabel: "2026年第一季度", items: items)

        // act
        let score = ScoreEngine.score(facts, scheme: scheme)

        // assert
        #expect(score.rulePoints == [-1, -0.5, 0])
        #expect(score.total == 98.5)
        #expect(score.deductions == 1.5)
        #expect(
            score.lines.dropFirst().map(\.sentence) == [
                "第3项“推进重点项目建设”：第一季度报告逾期5天，扣1分（牵头单位，权重1.0，计扣1分）",
                "第4项“推进重点项目建设”：第一季度报告逾期5天，扣1分（牵头单位，权重1.0，计扣1分；本规则每期最多扣1.5分，实计扣0.5分）",
                "第5项“推进重点项目建设”：第一季度报告逾期5天，扣1分（牵头单位，权重1.0，计扣1分；本规则每期最多扣1.5分，已扣满，不再计扣）",
            ])
    }

    @Test("Deductions below the floor are given back on a floor line that says so")
    func floorClipping() throws {
        // setup
        let scheme = ScoringScheme(floor: 95)
        let missing = ["第一季度", "第一季度（补充报告）"].map { ScoringEvent(kind: .reportMissing, detail: $0) }

        // act
        let score = ScoreEngine.score(ScoringFixtures.unit("区住建局", events: missing), scheme: scheme)

        // assert
        #expect(score.total == 95)
        #expect(score.clip == .floor)
        #expect(score.deductions == 6)
        let line = try #require(score.lines.last)
        #expect(line.kind == .floor)
        #expect(line.points == 1)
        #expect(line.sentence == "扣分后合计94分，低于最低分95分，按95分计，补计1分")
        #expect(score.lineSumInHundredths == 9500)
        #expect(score.summary == "2026年第一季度扣6分，加0分，低于最低分，按95分计，得95分。")
    }

    @Test("Additions above the cap are taken off on a cap line that says so")
    func capClipping() throws {
        // setup
        let praises = ["2026年第2期", "2026年第3期", "2026年第5期"].map { issue in
            ScoringEvent(kind: .praised, reference: ScoreReference(kind: .bulletin, id: issue), detail: issue)
        }

        // act
        let score = ScoreEngine.score(ScoringFixtures.unit("区商务局", events: praises), scheme: .standard)

        // assert
        #expect(score.total == 105)
        #expect(score.clip == .cap)
        #expect(score.additions == 6)
        let line = try #require(score.lines.last)
        #expect(line.kind == .cap)
        #expect(line.points == -1)
        #expect(line.sentence == "加分后合计106分，超过最高分105分，按105分计，核减1分")
        #expect(score.lineSumInHundredths == 10500)
    }

    @Test("A unit with no task in the period is excluded, not scored 0 or 100")
    func excludedUnit() {
        // setup
        let idle = UnitPeriodFacts(unitID: "unit-dag", unitName: "区档案馆", periodLabel: "2026年第一季度", items: [])
        let quiet = ScoringFixtures.unit("区统计局", events: [])

        // act
        let excluded = ScoreEngine.score(idle, scheme: .standard)
        let clean = ScoreEngine.score(quiet, scheme: .standard)

        // assert
        #expect(!excluded.included)
        #expect(excluded.total == nil)
        #expect(excluded.lines.isEmpty)
        #expect(excluded.summary == "2026年第一季度未承担任务，不纳入考核。")
        #expect(clean.included)
        #expect(clean.total == 100)
    }

    @Test("Ten deductions of 0.1 leave exactly 99, and 0.25 weighted 0.3 rounds once to 0.08")
    func noDrift() {
        // setup
        var scheme = ScoringScheme.standard
        scheme.roleWeights.assisting = 0.1
        scheme.rules[.qualityFlag] = ScoringRule(points: 1)
        let flags = (1...10).map { ScoringEvent(kind: .qualityFlag, detail: "照搬上期报告内容第\($0)处") }
        var quarter = ScoringScheme.standard
        quarter.rules[.qualityFlag] = ScoringRule(points: 0.25)
        let flag = ScoringEvent(kind: .qualityFlag, detail: "照搬上期报告内容")

        // act
        let tenths = ScoreEngine.score(ScoringFixtures.unit("区民政局", role: .assisting, events: flags), scheme: scheme)
        let rounded = ScoreEngine.score(ScoringFixtures.unit("区民政局", role: .assisting, events: [flag]), scheme: quarter)

        // assert
        #expect(tenths.total == 99)
        #expect(tenths.deductions == 1)
        #expect(rounded.rulePoints == [-0.08])
        #expect(rounded.total == 99.92)
        #expect(
            rounded.lines.last?.sentence
                == "第8项“新增城镇就业1.2万人”：报告存在质量问题（照搬上期报告内容），扣0.25分（协办单位，权重0.3，计扣0.08分）")
    }

    @Test("A switched-off rule scores nothing and adds no line")
    func switchedOffRule() {
        // setup
        var scheme = ScoringScheme.standard
        scheme.rules[.behindPace] = .off
        let behind = ScoringEvent(kind: .behindPace, detail: "新增城镇就业0.2万人，低于序时进度0.1万人")

        // act
        let score = ScoreEngine.score(ScoringFixtures.unit("区人社局", events: [behind]), scheme: scheme)

        // assert
        #expect(score.total == 100)
        #expect(score.lines.count == 1)
    }
}
