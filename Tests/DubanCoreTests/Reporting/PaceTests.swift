import DubanCore
import Foundation
import Testing

/// 序时进度: the expected share of a year at each period, and how a reported figure stands against its target.
@Suite("序时进度")
struct PaceTests {
    /// The first target the task's text states.
    func target(_ text: String) throws -> QuantifiedTarget {
        try #require(QuantifiedTargets.extract(from: text).first, "no target in \(text)")
    }

    @Test("The elapsed share of the year: Q1 25 %, H1 50 %, 1–11月 91.7 %, the year 100 %")
    func elapsedShare() throws {
        let rule = PaceRule.elapsedTime
        #expect(rule.expectedShare(at: .q(1, 2026)) == 25)
        #expect(rule.expectedShare(at: .q(2, 2026)) == 50)
        let november = try #require(ReportingPeriod.month(11, of: 2026))
        #expect(abs(rule.expectedShare(at: november) - 91.67) < 0.01)
        #expect(rule.expectedShare(at: try #require(ReportingPeriod.wholeYear(2026))) == 100)
        let frontLoaded = PaceRule(shareByMonth: [3: 40, 6: 70, 13: 5, 9: 120])
        #expect(frontLoaded.expectedShare(at: .q(1, 2026)) == 40)
        #expect(frontLoaded.expectedShare(at: .q(3, 2026)) == 75, "an impossible share is dropped")
        #expect(frontLoaded.overridesText == "3月 40%，6月 70%")
    }

    @Test("A plan's shares are read from what the 督查室 types, or refused")
    func parse() {
        #expect(PaceRule.parse("3月 30%，6月 55%") == PaceRule(shareByMonth: [3: 30, 6: 55]))
        #expect(PaceRule.parse("3:30, 9:80.5") == PaceRule(shareByMonth: [3: 30, 9: 80.5]))
        #expect(PaceRule.parse("") == .elapsedTime)
        #expect(PaceRule.parse("13月 30%") == nil)
        #expect(PaceRule.parse("三月过半") == nil)
    }

    @Test("A count accumulates: compared with the target times the period's share")
    func count() throws {
        let jobs = try target("城镇新增就业1.2万人。")
        #expect(jobs.kind == .count)
        let onPace = PaceAttainment.assess(actual: 0.35, target: jobs, at: .q(1, 2026))
        #expect(onPace.standing == .onPace && onPace.expected == 0.3 && onPace.expectedShare == 25)
        let behind = PaceAttainment.assess(actual: 0.5, target: jobs, at: .q(2, 2026))
        #expect(behind.standing == .behindPace && behind.text == "未达序时（低于序时进度 0.1 万人）")
        #expect(PaceAttainment.assess(actual: 1.2, target: jobs, at: .q(3, 2026)).standing == .completed)
        #expect(PaceAttainment.assess(actual: 1.3, target: jobs, at: .q(3, 2026)).standing == .exceeded)
        let backLoaded = PaceRule(shareByMonth: [6: 30])
        #expect(PaceAttainment.assess(actual: 0.4, target: jobs, at: .q(2, 2026), rule: backLoaded).standing == .onPace)
    }

    @Test("A sum of money builds up like a count; a share does not")
    func money() throws {
        let funds = try target("建立涉企政策“免申即享”清单，年内兑现资金不少于5000万元。")
        #expect(funds.kind == .level && PaceAttainment.accumulates(funds))
        let behind = PaceAttainment.assess(actual: 1000, target: funds, at: .q(1, 2026))
        #expect(behind.standing == .behindPace && behind.gap == "低于序时进度 250 万元")
        #expect(PaceAttainment.assess(actual: 3200, target: funds, at: .q(1, 2026)).standing == .onPace)
        #expect(!PaceAttainment.accumulates(try target("空气质量优良天数比例达到83%。")))
    }

    @Test("A growth rate is compared with the rate itself, in percentage points")
    func growth() throws {
        let gdp = try target("地区生产总值增长8%左右。")
        #expect(gdp.kind == .growthRate)
        let behind = PaceAttainment.assess(actual: 7.1, target: gdp, at: .q(1, 2026))
        #expect(behind.standing == .behindPace && behind.gap == "低于目标 0.9 个百分点")
        #expect(PaceAttainment.assess(actual: 8.2, target: gdp, at: .q(2, 2026)).standing == .onPace)
        let year = try #require(ReportingPeriod.wholeYear(2026))
        #expect(PaceAttainment.assess(actual: 8.2, target: gdp, at: year).standing == .exceeded)
        #expect(PaceAttainment.assess(actual: 8, target: gdp, at: year).standing == .completed)
    }

    @Test("A ceiling is met from below; a level is compared with the level")
    func ceilingAndLevel() throws {
        let time = try target("办理时限压缩至1个工作日以内。")
        #expect(time.comparison == .atMost)
        #expect(PaceAttainment.assess(actual: 0.5, target: time, at: .q(1, 2026)).standing == .onPace)
        #expect(PaceAttainment.assess(actual: 2, target: time, at: .q(1, 2026)).gap == "高于目标 1 个工作日")
        let air = try target("空气质量优良天数比例达到83%。")
        #expect(air.kind == .level)
        #expect(PaceAttainment.assess(actual: 80, target: air, at: .q(2, 2026)).text == "未达序时（低于目标 3 个百分点）")
    }

    @Test("The plan's shares are kept with its rules; rules saved before them take the elapsed share")
    func stored() throws {
        var rules = ReportingRules.default
        rules.pace = PaceRule(shareByMonth: [3: 40, 6: 70])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(rules), as: UTF8.self)
        #expect(text.contains(#""pace":{"shareByMonth":{"3":40,"6":70}}"#))
        #expect(try JSONDecoder().decode(ReportingRules.self, from: Data(text.utf8)) == rules)
        let older = try JSONDecoder().decode(ReportingRules.self, from: Data(#"{"cycle": "quarterly"}"#.utf8))
        #expect(older.pace == .elapsedTime)
        let tampered = Data(#"{"pace": {"shareByMonth": {"3": 400}}}"#.utf8)
        #expect(try JSONDecoder().decode(ReportingRules.self, from: tampered).pace == .elapsedTime)
    }

    @Test("A figure behind 序时 turns the light yellow, whatever the report's text says")
    func light() throws {
        let shortfall = PaceShortfall(label: "兑现资金", gap: "低于序时进度 1250 万元")
        let result = TrafficLightRules.default.assess(
            on: .iso("2026-04-18"), deadline: nil, statuses: [.onSchedule], paceShortfalls: [shortfall])
        #expect(result.light == .yellow)
        #expect(result.messages == ["兑现资金未达序时（低于序时进度 1250 万元）"])
        let done = TrafficLightRules.default.assess(
            on: .iso("2026-04-18"), deadline: nil, statuses: [.completed], paceShortfalls: [shortfall])
        #expect(done.light == .green)
    }
}
