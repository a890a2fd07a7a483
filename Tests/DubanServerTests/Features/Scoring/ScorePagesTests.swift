@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// 绩效考核 on the sample plan's first quarter of 2025: three units whose records give known deductions, the
/// ranking and each unit's explanation, publishing (frozen, announced, audited), a later filing that shows as a
/// difference instead of rewriting the published score, who sees what, the scheme form and the workbook.
@Suite("Score pages")
struct ScorePagesTests {
    /// The sample's three units with known records in the first quarter.
    struct Cast {
        var finance: UUID, civil: UUID, transport: UUID
        var policyTask: UUID, canteenTask: UUID, parkingTask: UUID
    }

    static func day(_ text: String) throws -> CalendarDay {
        try #require(CalendarDay(text))
    }

    static func filer(_ day: CalendarDay) -> ReportFiling.Filer {
        ReportFiling.Filer(
            userID: nil, actor: .system, requestID: nil, now: AppClock.moment(day, hour: 10), today: day)
    }

    /// 区财政局: work plan on time, Q1 report 5 days late with 兑现资金 behind 序时. 区民政局: work plan 5 days late,
    /// Q1 report returned once and revised. 区交通运输局: nothing.
    static func history(_ sample: SampleData, on database: any Database) async throws -> Cast {
        let cast = Cast(
            finance: try await sample.unit("区财政局", on: database).requireID(),
            civil: try await sample.unit("区民政局", on: database).requireID(),
            transport: try await sample.unit("区交通运输局", on: database).requireID(),
            policyTask: try await sample.task("建立涉企政策", on: database).requireID(),
            canteenTask: try await sample.task("新建社区食堂", on: database).requireID(),
            parkingTask: try await sample.task("新增公共停车泊位", on: database).requireID())
        let items = [WorkPlanFiling.Item(content: "梳理政策清单", plannedMonth: 3, leader: "副局长", department: "预算科")]
        _ = try await WorkPlanFiling.submit(
            items, taskID: cast.policyTask, unitID: cast.finance, by: filer(try day("2025-02-12")), on: database)
        _ = try await WorkPlanFiling.submit(
            items, taskID: cast.canteenTask, unitID: cast.civil, by: filer(try day("2025-02-20")), on: database)
        let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
        let policyText = try #require(try await TaskRecord.find(cast.policyTask, on: database)).text
        let target = try #require(QuantifiedTargets.extract(from: policyText).first)
        _ = try await ReportFiling.submit(
            .init(
                period: q1, status: .onSchedule, reason: "", narrative: "已梳理政策清单86项。",
                actuals: [.init(label: target.label, unitOfMeasure: target.unit, target: target.value, actual: 1000)],
                newFiles: [], keptAttachmentIDs: []),
            taskID: cast.policyTask, unitID: cast.finance, by: filer(try day("2025-04-25")), on: database)
        let first = try await ReportFiling.submit(
            .init(
                period: q1, status: .onSchedule, reason: "", narrative: "完成选址。", actuals: [], newFiles: [],
                keptAttachmentIDs: []),
            taskID: cast.canteenTask, unitID: cast.civil, by: filer(try day("2025-04-18")), on: database)
        _ = try await Review.perform(
            ProgressReport.self, id: try first.requireID(), accept: false, comment: "请补充选址清单",
            by: filer(try day("2025-04-22")), governmentID: sample.governmentID, on: database)
        _ = try await ReportFiling.submit(
            .init(
                period: q1, status: .onSchedule, reason: "", narrative: "完成选址4处，清单附后。", actuals: [],
                newFiles: [], keptAttachmentIDs: []),
            taskID: cast.canteenTask, unitID: cast.civil, by: filer(try day("2025-04-24")), on: database)
        return cast
    }

    @Test(
        "A quarter is scored, explained, published, and later changes show as a difference",
        arguments: TestDatabase.available)
    func scoreQuarter(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 2025-05-01
            let sample = try await SampleData.create(on: app.db)
            let cast = try await Self.history(sample, on: app.db)
            let clock = ManualClock(AppClock.moment(try Self.day("2025-05-01"), hour: 9))
            app.clock = AppClock(clock)
            let plan = sample.mainPlanID
            let scores = SiteURL.scores(plan: plan, period: "2025-Q1").path

            // act: the ranking as of today, not yet published
            let ranking = try await app.page(scores)
            #expect(ranking.status == .ok && ranking.html.contains("2025年第一季度考核得分"))
            #expect(ranking.html.contains("未发布") && ranking.html.contains("发布2025年第一季度得分"))
            #expect(ranking.html.contains("得分分布") && ranking.html.contains("<svg"))

            // assert: each unit's points, line by line
            let finance = try await app.page(SiteURL.unitScore(plan: plan, unit: cast.finance, period: "2025-Q1").path)
            #expect(finance.html.contains("2025年第一季度扣2.5分，加0分，得97.5分。"))
            #expect(finance.html.contains("第一季度报告逾期5天（4月25日报送），扣1分（牵头单位，权重1.0，计扣1分）"))
            #expect(finance.html.contains("未达序时进度（兑现资金1000万元，低于序时进度 250 万元），扣1分"))
            // it said 按序时推进 with its figure behind: the checks flagged it, and the flag costs 0.5
            #expect(finance.html.contains("报告存在质量问题（报按序时推进，但兑现资金1000万元，低于序时进度250万元），扣0.5分"))
            let civil = try await app.page(SiteURL.unitScore(plan: plan, unit: cast.civil, period: "2025-Q1").path)
            #expect(civil.html.contains("工作方案逾期5天（2月20日报送），扣1分（牵头单位，权重1.0，计扣1分）"))
            #expect(civil.html.contains("第一季度报告因不能反映工作实施情况被退回（4月22日退回），扣1分"))
            #expect(civil.html.contains("得98分"))
            let transport = try await app.page(
                SiteURL.unitScore(plan: plan, unit: cast.transport, period: "2025-Q1").path)
            #expect(transport.html.contains("工作方案未报送（2月15日截止），扣2分"))
            #expect(transport.html.contains("第一季度报告未报送（4月20日截止），扣3分"))
            #expect(transport.html.contains("得95分") && transport.html.contains("尚未发布"))

            // act: publish
            _ = try await app.page(scores)
            let published = try await app.page(
                SiteURL.scoresPublish(plan).path, method: .POST, form: ["period": "2025-Q1"])
            #expect(published.location == SiteURL.scoresAfter(plan: plan, period: "2025-Q1", done: "published").path)
            let snapshot = try #require(try await ScoreSnapshot.query(on: app.db).first())
            #expect(snapshot.version == 1 && snapshot.period == "2025-Q1")
            let frozen = try snapshot.scores()
            #expect(frozen.first { $0.unitName == "区交通运输局" }?.total == 95)
            let told = try await DubanServer.Notification.query(on: app.db).filter(\.$kind == .score).all()
            #expect(told.count == frozen.filter(\.included).count)
            #expect(told.contains { $0.$unit.id == cast.transport && $0.title.hasSuffix("95分") })
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "scores.publish").count() == 1)

            // act: 区交通运输局 files its report twelve days late, after publication
            clock.set(try Self.day("2025-05-02"))
            _ = try await ReportFiling.submit(
                .init(
                    period: try #require(ReportingPeriod.quarter(1, of: 2025)), status: .onSchedule, reason: "",
                    narrative: "已完成泊位选址。", actuals: [], newFiles: [], keptAttachmentIDs: []),
                taskID: cast.parkingTask, unitID: cast.transport, by: Self.filer(try Self.day("2025-05-02")),
                on: app.db)

            // assert: the published score stands; today's differs and says why
            let after = try await app.page(scores)
            #expect(after.html.contains("已发布") && after.html.contains("今日 96"))
            #expect(after.html.contains("发布后的变化（1）"))
            #expect(after.html.contains("新增：第6项") && after.html.contains("第一季度报告逾期12天"))
            #expect(after.html.contains("不再计：第6项") && after.html.contains("第一季度报告未报送"))
            let stillFrozen = try await app.page(
                SiteURL.unitScore(plan: plan, unit: cast.transport, period: "2025-Q1").path)
            #expect(stillFrozen.html.contains("得95分") && stillFrozen.html.contains("已发布（第1版"))

            // assert: who sees what
            let own = SiteURL.unitScore(plan: plan, unit: cast.finance, period: "2025-Q1").path
            #expect(try await app.page(own, as: .clerk).status == .ok)
            #expect(
                try await app.page(SiteURL.unitScore(plan: plan, unit: cast.civil, period: nil).path, as: .clerk).status
                    == .forbidden)
            #expect(try await app.page(scores, as: .clerk).status == .forbidden)
            #expect(try await app.page(scores, as: .viewer).status == .forbidden)
            let leader = try await app.page(scores, as: .leader)
            #expect(leader.status == .ok && leader.html.contains("区交通运输局"))
            #expect(!leader.html.contains(">区财政局<"), "孙丽's portfolio is the parking task's units")
            #expect(try await app.page(own, as: .leader).status == .forbidden)

            // act / assert: the workbook carries the published ranking and every line
            let workbook = try await app.page(SiteURL.scoresXlsx(plan: plan, period: "2025-Q1").path)
            #expect(workbook.contentType == FileDownload.xlsx)
            let sheets = try XlsxReader.sheets(data: workbook.data, fileName: "scores.xlsx")
            #expect(sheets.map(\.name) == ["得分排名", "扣分加分明细"])
            let rankingRows = try #require(sheets.first?.rows)
            #expect(rankingRows[1] == ["名次", "单位", "得分", "扣分", "加分", "备注"])
            #expect(rankingRows.contains { $0.count >= 3 && $0[1] == "区交通运输局" && $0[2] == "95" })
            #expect(sheets.last?.rows.contains { $0.first == "区财政局" && $0.contains("-1") } == true)
        }
    }

    @Test("The scheme form refuses what does not hold together and saves what does", arguments: TestDatabase.available)
    func schemeForm(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let path = SiteURL.scoringScheme(sample.mainPlanID).path
            let page = try await app.page(path)
            #expect(page.html.contains("季度报告逾期1至3天扣0.5分，4至7天扣1分，8天以上扣2分。"))
            #expect(page.html.contains("value=\"1-3:0.5，4-7:1，8+:2\""))
            var form = Dictionary(
                uniqueKeysWithValues: SchemeForm(.standard).scores.map { ($0.name, $0.value) }
                    + SchemeForm(.standard).weights.map { ($0.name, $0.value) }
                    + SchemeForm(.standard).rules.flatMap { rule in
                        [rule.points, rule.limit] + [rule.perDays, rule.bands].compactMap { $0 }
                    }.map { ($0.name, $0.value) })
            // act: a floor above the base, then unreadable bands, then a good change
            form["floor"] = "120"
            let floor = try await app.page(path, method: .POST, form: form)
            #expect(floor.status == .unprocessableEntity && floor.html.contains("最低分"))
            form["floor"] = "60"
            form["bands-report_late"] = "1到3:0.5"
            let bands = try await app.page(path, method: .POST, form: form)
            #expect(bands.status == .unprocessableEntity && bands.html.contains("分档写法不对"))
            form["bands-report_late"] = "1-5:0.5，6+:1"
            form["points-report_missing"] = "5"
            let saved = try await app.page(path, method: .POST, form: form)
            #expect(saved.location == SiteURL.scoringSchemeAfter(sample.mainPlanID, "saved").path)
            // assert: the plan scores by it, every reader sees it, the change is audited
            let plan = try #require(try await Plan.find(sample.mainPlanID, on: app.db))
            #expect(Scores.scheme(of: plan).rule(.reportMissing).points == 5)
            #expect(Scores.scheme(of: plan).floor == 60)
            let read = try await app.page(path, as: .clerk)
            #expect(read.html.contains("季度报告未报送扣5分。") && !read.html.contains("保存考核办法"))
            #expect(try await app.page(path, method: .POST, form: form, as: .clerk).status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "plan.scheme").count() == 1)
        }
    }
}
