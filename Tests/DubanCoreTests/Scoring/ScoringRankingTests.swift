import DubanCore
import Testing

/// Ranking units, averaging a year and comparing a published snapshot with today's scores.
@Suite("Scoring ranking, year and difference")
struct ScoringRankingTests {
    /// A period score of a unit whose one task had a quality flag worth `deduction` points.
    func score(_ name: String, deduction: Double, period: String = "2026年第一季度") -> UnitScore {
        var scheme = ScoringScheme.standard
        scheme.rules[.qualityFlag] = ScoringRule(points: deduction)
        let flag = ScoringEvent(
            kind: .qualityFlag, reference: ScoreReference(kind: .flag, id: "\(name)-flag"), detail: "照搬上期报告内容")
        return ScoreEngine.score(ScoringFixtures.unit(name, events: [flag], period: period), scheme: scheme)
    }

    @Test("Units rank by total with shared ranks for ties (1, 2, 2, 4), ties by name, excluded units last")
    func rankingWithTies() {
        // setup
        let excluded = ScoreEngine.score(
            UnitPeriodFacts(unitID: "unit-dag", unitName: "区档案馆", periodLabel: "2026年第一季度", items: []),
            scheme: .standard)
        let scores = [
            score("区卫健局", deduction: 3), excluded, score("区教育局", deduction: 1.5),
            score("区发改局", deduction: 1), score("区财政局", deduction: 1.5),
        ]

        // act
        let ranked = ScoreEngine.rank(scores)

        // assert
        #expect(ranked.map(\.score.unitName) == ["区发改局", "区教育局", "区财政局", "区卫健局", "区档案馆"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4, nil])
        #expect(ranked.map(\.score.total) == [99, 98.5, 98.5, 97, nil])
    }

    @Test("The year is the mean of the included periods, rounded once; its lines name their period")
    func yearMean() throws {
        // setup
        let first = ScoreEngine.score(ScoringFixtures.bureau, scheme: .standard)
        let second = ScoreEngine.score(
            UnitPeriodFacts(unitID: "unit-fgj", unitName: "区发展改革局", periodLabel: "2026年第二季度", items: []),
            scheme: .standard)
        var third = score("区发展改革局", deduction: 3, period: "2026年第三季度")
        third.unitID = "unit-fgj"

        // act
        let year = ScoreEngine.year(
            [first, second, third], unitID: "unit-fgj", unitName: "区发展改革局",
            periodLabel: "2026年度")

        // assert: (98.85 + 97) / 2 = 97.925, rounded half up
        #expect(year.included)
        #expect(year.total == 97.93)
        #expect(year.averagedPeriods == ["2026年第一季度", "2026年第三季度"])
        #expect(year.lines.count == first.lines.count + third.lines.count)
        let opening = try #require(year.lines.first)
        #expect(opening.period == "2026年第一季度")
        #expect(opening.sentence == "2026年第一季度：基础分100分")
        #expect(year.lines.last?.sentence.hasPrefix("2026年第三季度：第8项") == true)
        let firstSum = year.lines.filter { $0.period == "2026年第一季度" }.reduce(0) { $0 + $1.points }
        #expect(abs(firstSum - 98.85) < 0.001)
        #expect(year.summary == "2026年度得分为2026年第一季度、2026年第三季度2期得分的平均值，计97.93分。")
    }

    @Test("A unit excluded from every period is excluded from the year")
    func yearAllExcluded() {
        // setup
        let periods = ["2026年第一季度", "2026年第二季度"].map { label in
            ScoreEngine.score(
                UnitPeriodFacts(unitID: "unit-dag", unitName: "区档案馆", periodLabel: label, items: []),
                scheme: .standard)
        }

        // act
        let year = ScoreEngine.year(periods, unitID: "unit-dag", unitName: "区档案馆")

        // assert
        #expect(!year.included)
        #expect(year.total == nil)
        #expect(year.lines.isEmpty)
    }

    @Test("The difference lists changed, appeared and disappeared units with the lines added and removed")
    func snapshotDifference() throws {
        // setup
        let published = [
            ScoreEngine.score(ScoringFixtures.bureau, scheme: .standard),
            score("区卫健局", deduction: 1),
            score("区住建局", deduction: 0.5),
        ]
        var corrected = ScoringFixtures.bureau
        corrected.items[0].events.removeLast()
        corrected.items[0].events[0].daysLate = 6
        let current = [
            score("区卫健局", deduction: 1),
            ScoreEngine.score(corrected, scheme: .standard),
            score("区交通运输局", deduction: 2),
        ]

        // act
        let differences = ScoreEngine.difference(published: published, current: current)

        // assert: 6 days late is the same band, so only the behind-pace line is gone
        #expect(differences.map(\.unitName) == ["区交通运输局", "区住建局", "区发展改革局"])
        #expect(differences.map(\.change) == [.appeared, .disappeared, .changed])
        let bureau = try #require(differences.last)
        #expect(bureau.publishedTotal == 98.85)
        #expect(bureau.currentTotal == 99.85)
        #expect(bureau.addedLines.isEmpty)
        #expect(bureau.removedLines.map(\.kind) == [.rule(.behindPace)])
        #expect(differences[0].addedLines.count == 2)
        #expect(differences[0].publishedTotal == nil)
        #expect(differences[1].removedLines.count == 2)
        #expect(differences[1].currentTotal == nil)
    }

    @Test("Two unchanged snapshots have no difference")
    func noDifference() {
        // setup
        let scores = [ScoreEngine.score(ScoringFixtures.bureau, scheme: .standard), score("区卫健局", deduction: 1)]

        // act
        let differences = ScoreEngine.difference(published: scores, current: scores)

        // assert
        #expect(differences.isEmpty)
    }
}
