@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// The 督查室's review queue: every waiting report and work plan, newest first, filtered and paged, and the
/// office told of each submission.
@Suite("Review queue")
struct ReviewQueueTests {
    /// 2025-04-10 08:00 Beijing time: the first quarter's report is due 4月20日, the work plan was due 2月15日.
    static let april10 = Date(timeIntervalSince1970: 1_744_243_200)

    @Test(
        "Four submissions wait newest first, filter by kind, unit and period, page, and each told the office",
        arguments: TestDatabase.available)
    func queue(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: a late work plan and three first-quarter reports, a minute apart
            let sample = try await SampleData.create(on: app.db)
            let clock = ManualClock(Self.april10)
            app.clock = AppClock(clock)
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let civil = try await sample.unit("区民政局", on: app.db).requireID()
            let transport = try await sample.unit("区交通运输局", on: app.db).requireID()
            let policy = try await sample.task("建立涉企政策", on: app.db).requireID()
            let canteen = try await sample.task("新建社区食堂", on: app.db).requireID()
            let parking = try await sample.task("新增公共停车泊位", on: app.db).requireID()
            func filer() -> ReportFiling.Filer {
                clock.advance(by: 60)
                return .init(userID: nil, actor: .system, requestID: nil, now: clock.now, today: app.clock.today())
            }
            _ = try await WorkPlanFiling.submit(
                [.init(content: "梳理免申即享政策清单", plannedMonth: 5, leader: "刘海燕", department: "预算科")],
                taskID: policy, unitID: finance, by: filer(), on: app.db)
            for (task, unit) in [(policy, finance), (canteen, civil), (parking, transport)] {
                _ = try await ReportFiling.submit(
                    .init(
                        period: try #require(ReportingPeriod.quarter(1, of: 2025)), status: .onSchedule, reason: "",
                        narrative: "按计划推进。", actuals: [],
                        newFiles: [], keptAttachmentIDs: []),
                    taskID: task, unitID: unit, by: filer(), on: app.db)
            }

            // assert: the office heard of each, naming the plan and the task's words
            let notices = try await Notification.query(on: app.db).filter(\.$unit.$id == nil)
                .filter(\.$kind == .submitted).sort(\.$createdAt).all()
            #expect(notices.count == 4)
            #expect(notices.first?.title == "区财政局报送了办理方案（第 1 版），待审核")
            #expect(notices.first?.body.contains("第 4 项“建立涉企政策“免申即享”清单") == true)
            #expect(notices.first?.body.hasSuffix("逾期 54 天。") == true, "\(notices.first?.body ?? "")")
            #expect(notices.last?.title == "区交通运输局报送了2025年第一季度完成情况（第 1 版），待审核")

            // assert: the queue lists all four, newest first, the late work plan marked
            let queue = try await app.page(SiteURL.reviewQueue.path)
            #expect(queue.status == .ok && queue.html.contains("待审核（4）"))
            let positions = try ["区交通运输局", "区民政局", "区财政局"].map {
                try #require(queue.html.range(of: "<td>\($0)</td>")).lowerBound
            }
            #expect(positions == positions.sorted(), "newest first")
            #expect(queue.html.contains("逾期 54 天"))

            // assert: each filter narrows it
            let plans = try await app.page(SiteURL.reviewQueueWith([("kind", "workplan")]).path)
            #expect(plans.html.contains("待审核（1）") && plans.html.contains("办理方案（第 1 版）"))
            let civilQ1 = try await app.page(
                SiteURL.reviewQueueWith([("unit", civil.uuidString.lowercased()), ("period", "2025-Q1")]).path)
            #expect(civilQ1.html.contains("待审核（1）") && civilQ1.html.contains("<td>区民政局</td>"))
            #expect(!civilQ1.html.contains("<td>区财政局</td>"))
            let cascade = try await app.page(
                SiteURL.reviewQueueWith([("plan", sample.cascadePlanID.uuidString.lowercased())]).path)
            #expect(cascade.html.contains("待审核（0）") && cascade.html.contains("没有符合条件的待审核事项"))

            // assert: paging merges both kinds by time, and a page past the end shows the last
            var filter = ReviewQueueQuery.Filter()
            let first = try await ReviewQueueQuery.page(
                governmentID: sample.governmentID, filter: filter, perPage: 3, on: app.db)
            #expect(first.total == 4 && first.items.map(\.unitName) == ["区交通运输局", "区民政局", "区财政局"])
            filter.page = 9
            let last = try await ReviewQueueQuery.page(
                governmentID: sample.governmentID, filter: filter, perPage: 3, on: app.db)
            #expect(last.page == 2 && last.items.map(\.isReport) == [false])

            // assert: the overview counts them and links to the queue; a reviewed item leaves it
            let overview = try await app.page(SiteURL.oversight.path)
            #expect(overview.html.contains("待审核（4）") && overview.html.contains("href=\"/oversight/reviews\""))
            let report = try #require(
                try await ProgressReport.query(on: app.db).filter(\.$unit.$id == civil).first())
            _ = try await Review.perform(
                ProgressReport.self, id: try report.requireID(), accept: true, comment: "", by: filer(),
                governmentID: sample.governmentID, on: app.db)
            #expect(try await app.page(SiteURL.reviewQueue.path).html.contains("待审核（3）"))
        }
    }
}
