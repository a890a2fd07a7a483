import DubanCore
import Testing

/// How the 督查室's review of the latest report shows in the light: filed is not yet accepted, returned is not
/// filed at all.
@Suite("Review in the lights")
struct ReviewSignalTests {
    let rules = TrafficLightRules.default
    let calendar = ReportingCalendar(rules: .default, year: 2026)

    @Test("A report waiting for review stays green but says so")
    func awaiting() {
        let q1 = ReportingPeriod.q(1, 2026)
        let watched = calendar.watchedDeadline(on: .iso("2026-04-18"), filed: [q1])
        let result = rules.assess(
            on: .iso("2026-04-18"), deadline: watched, statuses: [.onSchedule], review: .awaiting(q1))
        #expect(result.light == .green)
        #expect(result.isAwaitingReview)
        #expect(result.messages == ["第一季度报告已报送，待督查室审核"])
        let accepted = rules.assess(on: .iso("2026-04-18"), deadline: watched, statuses: [.onSchedule])
        #expect(!accepted.isAwaitingReview && accepted.reasons.isEmpty)
    }

    @Test("A returned report before its due day is yellow; after it, the missed deadline turns it red")
    func returned() {
        let q1 = ReportingPeriod.q(1, 2026)
        // The caller leaves a returned report out of what is filed.
        let early = calendar.watchedDeadline(on: .iso("2026-04-10"), filed: [])
        let before = rules.assess(on: .iso("2026-04-10"), deadline: early, statuses: [], review: .returned(q1))
        #expect(before.light == .yellow)
        #expect(before.messages == ["第一季度报告被退回，待修改后重新报送"])
        let late = calendar.watchedDeadline(on: .iso("2026-05-05"), filed: [])
        let after = rules.assess(on: .iso("2026-05-05"), deadline: late, statuses: [], review: .returned(q1))
        #expect(after.light == .red)
        #expect(after.messages == ["第一季度报告已逾期 15 天", "第一季度报告被退回，待修改后重新报送"])
    }

    @Test("已完成 that was returned is not complete; 已完成 waiting for review is, and says it waits")
    func completed() {
        let q4 = ReportingPeriod.q(4, 2026)
        let waiting = rules.assess(
            on: .iso("2027-01-10"), deadline: nil, statuses: [.onSchedule, .completed], review: .awaiting(q4))
        #expect(waiting.reasons == [.completed, .awaitingReview(q4)])
        let sentBack = rules.assess(
            on: .iso("2027-01-10"), deadline: nil, statuses: [.onSchedule, .completed], review: .returned(q4))
        #expect(!sentBack.reasons.contains(.completed))
        #expect(sentBack.light == .yellow)
    }
}
