import DubanCore
import Testing

/// Which facts of a period the rules score, from one unit's record on one task: table-driven, each row a record
/// and the rules it should trigger as of a day.
@Suite("Scoring facts")
struct ScoringFactsTests {
    static let q2 = ReportingPeriod.containing(.iso("2026-05-01"), cycle: .quarterly)

    /// The lead unit's record on a task, with the period's due day 7月20日 and a deadline at the year's end.
    static func record(_ change: (inout DutyRecord) -> Void = { _ in }) -> DutyRecord {
        var record = DutyRecord(
            taskID: "t8", taskNumber: "8", taskLabel: "新增城镇就业1.2万人", unitID: "u-rsj", unitName: "区人社局",
            role: .lead, reports: true, due: .iso("2026-07-20"), deadline: .iso("2026-12-31"))
        change(&record)
        return record
    }

    static let filedOnTime = DutyRecord.Filing(id: "r1", day: .iso("2026-07-15"), daysLate: 0)
    static func standing(_ status: ReportStatus = .onSchedule, figures: [DutyRecord.Figure] = []) -> DutyRecord.Standing
    {
        DutyRecord.Standing(id: "r1", status: status, day: .iso("2026-07-15"), figures: figures)
    }

    static let rows: [(String, DutyRecord, String, [ScoringRuleKind])] = [
        ("not yet due: nothing", record(), "2026-07-10", []),
        ("due day passed with nothing filed: missing", record(), "2026-07-21", [.reportMissing]),
        ("on the due day itself: not yet missing", record(), "2026-07-20", []),
        (
            "filed on time: nothing",
            record {
                $0.firstFiling = filedOnTime; $0.standing = standing()
            }, "2026-08-01", []
        ),
        (
            "filed 5 days late: late, not missing",
            record { $0.firstFiling = .init(id: "r1", day: .iso("2026-07-25"), daysLate: 5) }, "2026-08-01",
            [.reportLate]
        ),
        (
            "returned twice, then standing: two returns",
            record {
                $0.firstFiling = filedOnTime
                $0.returns = [.init(id: "r1", day: .iso("2026-07-18")), .init(id: "r2", day: .iso("2026-07-22"))]
                $0.standing = standing()
            }, "2026-08-01", [.reportReturned, .reportReturned]
        ),
        (
            "a figure behind pace and another beyond target",
            record {
                $0.firstFiling = filedOnTime
                $0.standing = standing(figures: [
                    .init(label: "新增城镇就业", text: "新增城镇就业5000人", standing: .behindPace, gap: "低于序时进度 1000 人"),
                    .init(label: "培训", text: "培训3000人次", standing: .exceeded),
                ])
            }, "2026-08-01", [.behindPace, .overTarget]
        ),
        (
            "a figure exceeded already last quarter earns nothing again",
            record {
                $0.firstFiling = filedOnTime
                $0.standing = standing(figures: [.init(label: "培训", text: "培训3000人次", standing: .exceeded)])
                $0.exceededEarlier = ["培训"]
            }, "2026-08-01", []
        ),
        (
            "completed in the second quarter of a year's task: early",
            record {
                $0.firstFiling = filedOnTime; $0.standing = standing(.completed)
            }, "2026-08-01",
            [.completedEarly]
        ),
        (
            "completed, but already said so last quarter: nothing",
            record {
                $0.firstFiling = filedOnTime; $0.standing = standing(.completed); $0.completedEarlier = true
            },
            "2026-08-01", []
        ),
        (
            "completed by a June deadline: on time, not early",
            record {
                $0.firstFiling = filedOnTime; $0.standing = standing(.completed); $0.deadline = .iso("2026-06-30")
            }, "2026-08-01", []
        ),
        (
            "an ongoing task cannot finish early",
            record {
                $0.firstFiling = filedOnTime; $0.standing = standing(.completed); $0.deadline = nil
            },
            "2026-08-01", []
        ),
        (
            "work plan due in the period and never filed: missing once its day has passed",
            record { $0.workPlan = .init(due: .iso("2026-04-15"), filed: nil) }, "2026-04-16", [.workPlanMissing]
        ),
        (
            "work plan filed 4 days late",
            record {
                $0.workPlan = .init(
                    due: .iso("2026-04-15"), filed: .init(id: "w1", day: .iso("2026-04-19"), daysLate: 4))
            },
            "2026-04-30", [.workPlanLate]
        ),
        (
            "a finding answered after its deadline, another in time, a third overdue unanswered",
            record {
                $0.firstFiling = filedOnTime
                $0.findings = [
                    .init(id: "f1", problem: "台账不全", due: .iso("2026-05-10"), answered: .iso("2026-05-13")),
                    .init(id: "f2", problem: "未公开", due: .iso("2026-05-10"), answered: .iso("2026-05-09")),
                    .init(id: "f3", problem: "进度慢", due: .iso("2026-06-01"), answered: nil),
                ]
            }, "2026-08-01", [.findingNotRectified, .findingNotRectified]
        ),
        (
            "a quality flag the 督查室 did not dismiss",
            record {
                $0.firstFiling = filedOnTime
                $0.standing = standing()
                $0.flags = [.init(id: "q1", evidence: "与本单位第一季度报告的文字相同92%")]
            }, "2026-08-01", [.qualityFlag]
        ),
        (
            "praised in a bulletin",
            record {
                $0.firstFiling = filedOnTime
                $0.praises = [.init(bulletinID: "b3", issue: "2026年第3期", day: .iso("2026-08-05"))]
            }, "2026-08-10", [.praised]
        ),
        (
            "a contributing unit is not scored on the report, only on findings and praise",
            record {
                $0.role = .assisting; $0.reports = false
                $0.findings = [.init(id: "f4", problem: "配合不力", due: .iso("2026-05-10"), answered: nil)]
            }, "2026-08-01", [.findingNotRectified]
        ),
    ]

    @Test("Each record triggers exactly the rules it should", arguments: rows)
    func events(name: String, record: DutyRecord, today: String, expected: [ScoringRuleKind]) {
        let events = ScoringFacts.events(record, period: Self.q2, today: .iso(today))
        #expect(events.map(\.kind) == expected, "\(name)")
    }

    @Test("The events carry what their sentences name: days, records, gaps")
    func eventDetails() throws {
        // setup
        let late = Self.record {
            $0.firstFiling = .init(id: "r9", day: .iso("2026-07-25"), daysLate: 5)
            $0.standing = Self.standing(figures: [
                .init(label: "新增城镇就业", text: "新增城镇就业5000人", standing: .behindPace, gap: "低于序时进度 1000 人")
            ])
            $0.findings = [.init(id: "f1", problem: "台账不全", due: .iso("2026-05-10"), answered: .iso("2026-05-13"))]
        }
        // act
        let score = ScoreEngine.score(
            try #require(ScoringFacts.units([late], period: Self.q2, today: .iso("2026-08-01")).first),
            scheme: .standard)
        // assert
        #expect(
            score.lines.dropFirst().map(\.sentence) == [
                "第8项“新增城镇就业1.2万人”：第二季度报告逾期5天（7月25日报送），扣1分（牵头单位，权重1.0，计扣1分）",
                "第8项“新增城镇就业1.2万人”：未达序时进度（新增城镇就业5000人，低于序时进度 1000 人），扣1分（牵头单位，权重1.0，计扣1分）",
                "第8项“新增城镇就业1.2万人”：督查发现问题“台账不全”逾期未整改（整改期限5月10日），扣2分（牵头单位，权重1.0，计扣2分）",
            ])
        #expect(
            score.lines.compactMap(\.reference) == [
                ScoreReference(kind: .report, id: "r9"), ScoreReference(kind: .report, id: "r1"),
                ScoreReference(kind: .finding, id: "f1"),
            ])
        #expect(score.total == 96)
    }

    @Test("Records group into one set of facts per unit, in the order units first appear")
    func grouping() {
        // setup
        let records = [
            Self.record(),
            Self.record {
                $0.unitID = "u-cz"; $0.unitName = "区财政局"; $0.role = .responsible; $0.reports = false
            },
            Self.record {
                $0.taskID = "t9"; $0.taskNumber = "9"
            },
        ]
        // act
        let units = ScoringFacts.units(records, period: Self.q2, today: .iso("2026-07-10"))
        // assert
        #expect(units.map(\.unitName) == ["区人社局", "区财政局"])
        #expect(units.first?.items.map(\.taskNumber) == ["8", "9"])
        #expect(units.last?.items.first?.role == .responsible)
        #expect(units.allSatisfy { $0.periodLabel == "2026年第二季度" })
    }

    @Test("A year-end report covering the whole year scores only its own quarter's deadlines")
    func wholeYearDays() throws {
        let year = try #require(ReportingPeriod.wholeYear(2026))
        let days = ScoringFacts.days(of: year)
        #expect(days.lowerBound == .iso("2026-10-01") && days.upperBound == .iso("2026-12-31"))
        #expect(ScoringFacts.days(of: Self.q2) == .iso("2026-04-01") ... .iso("2026-06-30"))
    }
}
