@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// The checks on what reports say, as filing runs them: flags with their evidence on the report, in the review
/// queue, in the quarter's bulletin and score; never refusing a filing; dismissed by the 督查室 with a reason.
@Suite("Report quality checks")
struct QualityChecksTests {
    static let first = "已梳理涉企政策清单86项，兑现资金1250万元，惠及企业326家，正在组织第二批政策的申报和审核工作，确保按期完成全年目标。"
    static let copied = "已梳理涉企政策清单86项，兑现资金1300万元，惠及企业326家，正在组织第二批政策的申报和审核工作，确保按期完成全年目标。"

    @Test(
        "Copied wording, a status its figures contradict and reused evidence are flagged, shown, scored and dismissed",
        arguments: TestDatabase.available)
    func checks(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let policy = try await sample.task("建立涉企政策", on: app.db)
            let canteen = try await sample.task("新建社区食堂", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let civil = try await sample.unit("区民政局", on: app.db).requireID()
            let target = try #require(QuantifiedTargets.extract(from: policy.text).first)
            let evidence = try EvidenceFile(fileName: "兑现清单.pdf", data: ReportingPageTests.pdf)
            func file(
                _ task: UUID, _ unit: UUID, quarter: Int, text: String, actual: Double?, files: [EvidenceFile] = [],
                on day: String
            ) async throws -> ProgressReport {
                let today = try ScorePagesTests.day(day)
                return try await ReportFiling.submit(
                    .init(
                        period: try #require(ReportingPeriod.quarter(quarter, of: 2025)), status: .onSchedule,
                        reason: "", narrative: text,
                        actuals: actual.map {
                            [.init(label: target.label, unitOfMeasure: target.unit, target: target.value, actual: $0)]
                        } ?? [], newFiles: files, keptAttachmentIDs: []),
                    taskID: task, unitID: unit, by: ScorePagesTests.filer(today), on: app.db)
            }
            let policyID = try policy.requireID()

            // act: the first quarter in the unit's own words; the second copied, its figure behind 序时
            let q1 = try await file(
                policyID, finance, quarter: 1, text: Self.first, actual: 1250, files: [evidence], on: "2025-04-15")
            let q2 = try await file(policyID, finance, quarter: 2, text: Self.copied, actual: 1300, on: "2025-07-15")
            // and another unit files the same words, with the same file, for its own task
            let other = try await file(
                canteen, civil, quarter: 1, text: Self.first, actual: nil, files: [evidence], on: "2025-04-16")

            // assert: what each was flagged for, with the evidence
            func kinds(_ report: ProgressReport) async throws -> [QualityFlagKind] {
                try await ReportFlag.query(on: app.db).filter(\.$report.$id == report.requireID()).all().map(\.kind)
                    .sorted { $0.rawValue < $1.rawValue }
            }
            #expect(try await kinds(q1).isEmpty, "nothing to compare with yet")
            #expect(try await kinds(q2) == [.onScheduleBehindPace, .repeatedText])
            #expect(try await kinds(other) == [.reusedEvidence, .sharedText])
            let repeated = try #require(
                try await ReportFlag.query(on: app.db).filter(\.$report.$id == q2.requireID())
                    .filter(\.$kind == .repeatedText).first())
            #expect(repeated.evidence.hasPrefix("与本单位第一季度报告的文字相同") && repeated.$relatedReport.id == q1.id)

            // assert: the task page shows them with the evidence; the clerk sees them but cannot dismiss
            app.clock = AppClock(ManualClock(AppClock.moment(try ScorePagesTests.day("2025-07-25"), hour: 9)))
            let page = try await app.page(SiteURL.taskReporting(policyID).path)
            #expect(page.html.contains("质量提示（不影响报送，供审核参考）") && page.html.contains("与上期报告雷同"))
            #expect(page.html.contains("报按序时推进，但兑现资金1300万元，低于序时进度1200万元"))
            #expect(page.html.contains("排除提示"))
            let clerkView = try await app.page(SiteURL.taskReporting(policyID).path, as: .clerk)
            #expect(clerkView.html.contains("与上期报告雷同") && !clerkView.html.contains("排除提示"))
            let queue = try await app.page(SiteURL.reviewQueue.path)
            #expect(queue.html.contains("质量提示 2"))

            // assert: the quarter's bulletin names them and the scores count them
            let facts = try await BulletinFactsQuery.load(
                plan: try #require(try await Plan.find(sample.mainPlanID, on: app.db)),
                period: try #require(ReportingPeriod.quarter(2, of: 2025)), round: nil,
                today: try ScorePagesTests.day("2025-07-25"), on: app.db)
            let content = BulletinComposer.draft(facts)
            #expect(content.quality == "报送质量方面，1份报告存在问题（与上期报告雷同1份，报按序时推进但指标未达序时1份）：")
            #expect(
                content.qualityLines.count == 2 && content.qualityLines.allSatisfy { $0.text.hasPrefix("区财政局：第4项") })
            let plan = try #require(try await Plan.find(sample.mainPlanID, on: app.db))
            let scores = try await Scores.current(
                plan: plan, period: try #require(ReportingPeriod.quarter(2, of: 2025)),
                today: try ScorePagesTests.day("2025-07-25"), on: app.db)
            let financeScore = try #require(scores.first { $0.score.unitID == finance.uuidString }).score
            #expect(financeScore.lines.filter { $0.kind == .rule(.qualityFlag) }.count == 2)

            // act: a dismissal needs a reason; with one, the flag stops counting
            let dismiss = SiteURL.flagDismiss(try repeated.requireID()).path
            let bare = try await app.page(dismiss, method: .POST, form: ["reason": " "])
            #expect(bare.status == .unprocessableEntity && bare.html.contains("排除质量提示时，请写明理由"))
            #expect(try await app.page(dismiss, method: .POST, form: ["reason": "x"], as: .clerk).status == .forbidden)
            let done = try await app.page(dismiss, method: .POST, form: ["reason": "两季度工作延续，文字相近属实"])
            #expect(done.status == .seeOther && done.location?.contains("?done=dismissed#report-") == true)
            let after = try await Scores.current(
                plan: plan, period: try #require(ReportingPeriod.quarter(2, of: 2025)),
                today: try ScorePagesTests.day("2025-07-25"), on: app.db)
            #expect(
                after.first { $0.score.unitID == finance.uuidString }?.score.lines
                    .filter { $0.kind == .rule(.qualityFlag) }.count == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "report.flag.dismiss").count() == 1)
            let shown = try await app.page(SiteURL.taskReporting(policyID).path)
            #expect(shown.html.contains("已排除：两季度工作延续，文字相近属实"))
        }
    }
}
