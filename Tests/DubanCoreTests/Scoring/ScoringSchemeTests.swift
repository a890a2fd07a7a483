import DubanCore
import Foundation
import Testing

/// The scheme as stored, validated and shown on the rules page.
@Suite("Scoring scheme")
struct ScoringSchemeTests {
    func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
    }

    func decode(_ json: String) throws -> ScoringScheme {
        try JSONDecoder().decode(ScoringScheme.self, from: Data(json.utf8))
    }

    @Test("The standard scheme and an edited one survive a JSON round trip")
    func codableRoundTrip() throws {
        // setup
        var edited = ScoringScheme(base: 100, floor: 60, cap: 110)
        edited.roleWeights.responsible = 0.5
        edited.rules[.workPlanLate] = ScoringRule(points: 0.2)
        edited.rules[.praised] = ScoringRule(points: 3, periodLimit: 6)

        // act
        let standard = try roundTrip(ScoringScheme.standard)
        let decoded = try roundTrip(edited)

        // assert
        #expect(standard == .standard)
        #expect(decoded == edited)
        #expect(decoded.rule(.workPlanLate).perDays == nil)
        #expect(decoded.rule(.workPlanLate).periodLimit == nil)
    }

    @Test("A scheme saved before a rule or field existed decodes with the standard values for what it lacks")
    func olderJSONDecodes() throws {
        // setup: no cap, no assisting weight, no praise rule, no period limit on the late report
        let json = """
            {"base": 100, "floor": 0, "roleWeights": {"overall_lead": 1, "lead": 1, "responsible": 0.5},
             "rules": {"report_missing": {"points": 5},
                       "report_late": {"points": 1, "bands": [{"from": 1, "points": 1}]},
                       "work_plan_late": {"points": 0.5, "perDays": 5, "periodLimit": null},
                       "attendance": {"points": 9}}}
            """

        // act
        let scheme = try decode(json)

        // assert
        #expect(scheme.cap == 105)
        #expect(scheme.roleWeights.responsible == 0.5)
        #expect(scheme.roleWeights.assisting == 0.3)
        #expect(scheme.rule(.reportMissing) == ScoringRule(points: 5))
        #expect(scheme.rule(.reportLate) == ScoringRule(points: 1, bands: [DayBand(from: 1, to: nil, points: 1)]))
        #expect(scheme.rule(.workPlanLate) == ScoringRule(points: 0.5, perDays: 5, periodLimit: nil))
        #expect(scheme.rule(.praised) == ScoringScheme.standard.rule(.praised))
    }

    @Test("An empty object is the standard scheme")
    func emptyJSONIsStandard() throws {
        #expect(try decode("{}") == .standard)
    }

    @Test("A score and its lines survive a JSON round trip, the line kinds stored as plain strings")
    func scoreRoundTrip() throws {
        // setup
        let score = ScoreEngine.score(ScoringFixtures.bureau, scheme: .standard)

        // act
        let decoded = try roundTrip(score)
        let json = try #require(String(data: JSONEncoder().encode(score.lines[1]), encoding: .utf8))

        // assert
        #expect(decoded == score)
        #expect(json.contains(#""kind":"report_late""#))
    }

    @Test(
        "Validation names the first problem in Chinese",
        arguments: [
            (ScoringScheme(floor: 101), "最低分（101分）不能高于基础分（100分）。"),
            (ScoringScheme(cap: 99.5), "最高分（99.5分）不能低于基础分（100分）。"),
            (ScoringScheme(roleWeights: RoleWeights(assisting: -0.3)), "协办单位的权重不能为负数，当前为-0.3。"),
            (ScoringScheme(base: .nan), "基础分不是有效的数字。"),
            (ScoringScheme(roleWeights: RoleWeights(lead: .infinity)), "牵头单位的权重不是有效的数字。"),
            (ScoringScheme(rules: [.praised: ScoringRule(points: .infinity)]), "“通报表扬”的分值不是有效的数字。"),
            (ScoringScheme(rules: [.reportMissing: ScoringRule(points: -3)]), "“报告未报送”的分值不能为负数，当前为-3分。"),
            (
                ScoringScheme(rules: [
                    .reportLate: ScoringRule(
                        points: 1, bands: [DayBand(from: 1, to: 3, points: 0.5), DayBand(from: 3, to: 7, points: 1)])
                ]), "“报告逾期报送”的分档“1至3天”与“3至7天”重叠。"
            ),
            (
                ScoringScheme(rules: [
                    .reportLate: ScoringRule(
                        points: 1, bands: [DayBand(from: 8, to: nil, points: 2), DayBand(from: 10, to: 12, points: 3)])
                ]), "“报告逾期报送”的分档“8天以上”与“10至12天”重叠。"
            ),
            (
                ScoringScheme(rules: [.reportLate: ScoringRule(points: 1, bands: [DayBand(from: 5, to: 3, points: 1)])]
                ),
                "“报告逾期报送”的分档“5至3天”无效：应从第1天起，且截止天数不小于起始天数。"
            ),
            (
                ScoringScheme(rules: [.workPlanLate: ScoringRule(points: 0.5, perDays: 0)]),
                "“工作方案逾期报送”的计分天数应至少为1天，当前为0天。"
            ),
            (
                ScoringScheme(rules: [.qualityFlag: ScoringRule(points: 0.5, periodLimit: -1)]),
                "“报告质量问题”的每期上限不能为负数，当前为-1分。"
            ),
        ])
    func validationMessages(scheme: ScoringScheme, message: String) {
        // act
        let error = #expect(throws: ScoringSchemeError.self) { try scheme.validate() }

        // assert
        #expect(error?.message == message)
    }

    @Test("The standard scheme is valid")
    func standardIsValid() throws {
        try ScoringScheme.standard.validate()
    }

    @Test("The standard scheme reads as the rules page's sentences")
    func describeStandard() {
        #expect(
            ScoringScheme.standard.describe() == [
                "基础分100分，最低0分，最高105分。",
                "扣分和加分按单位在任务中的职责计权：总牵头单位1.0，牵头单位1.0，责任单位0.6，协办单位0.3。",
                "工作方案未报送扣2分。",
                "工作方案逾期每3天扣0.5分（不足3天按3天计），每期累计最多扣2分。",
                "季度报告未报送扣3分。",
                "季度报告逾期1至3天扣0.5分，4至7天扣1分，8天以上扣2分。",
                "报告因不能反映工作实施情况被退回扣1分。",
                "指标未达序时进度扣1分。",
                "督查发现问题逾期未整改扣2分。",
                "报告存在照搬照抄、空话套话等质量问题扣0.5分。",
                "任务提前完成加1分。",
                "指标超额完成目标加1分。",
                "在督查通报中受到表扬加2分。",
                "本期未承担任务的单位不纳入考核。",
                "每项扣分、加分均注明所依据的任务、报告和日期；只考核单位，不对个人排名，不以考勤、在线时长等计分。",
            ])
    }

    @Test("A monthly plan's scheme names monthly reports and leaves switched-off rules out")
    func describeMonthly() {
        // setup
        var scheme = ScoringScheme.standard
        scheme.rules[.completedEarly] = .off
        scheme.rules[.reportLate] = ScoringRule(points: 0.2, perDays: 1)

        // act
        let sentences = scheme.describe(cycle: .monthly)

        // assert
        #expect(sentences.contains("月度报告未报送扣3分。"))
        #expect(sentences.contains("月度报告逾期每天扣0.2分。"))
        #expect(!sentences.contains { $0.contains("提前完成") })
    }
}

/// Day bands as the scheme form writes and reads them.
@Suite("Day band text")
struct DayBandTextTests {
    @Test("Bands read back from the text the form shows, and from the ways people type them")
    func roundTrip() {
        let standard = ScoringScheme.standard.rule(.reportLate).bands
        #expect(DayBand.listText(standard) == "1-3:0.5，4-7:1，8+:2")
        #expect(DayBand.parseList(DayBand.listText(standard)) == standard)
        #expect(DayBand.parseList("1至3天：0.5，4至7天:1；8天以上:2") == standard)
        #expect(DayBand.parseList("5:1") == [DayBand(from: 5, to: 5, points: 1)])
        #expect(DayBand.parseList("") == [])
        #expect(DayBand.parseList("1-3") == nil)
        #expect(DayBand.parseList("a-3:1") == nil)
    }
}
