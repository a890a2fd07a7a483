@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// The demo's whole year of 2026, generated as of late February 2027: its two 督查 rounds with their findings and
/// 整改, every quarter's and the year's scores published, frozen and explained line by line, its bulletins issued
/// as Word files that read back, and the exports read back cell by cell and matched to the database.
@Suite("The demo's year of supervision")
struct DemoSupervisionYearTests {
    static let today = CalendarDay(date: Date(timeIntervalSince1970: 1_803_513_600), timeZone: AppClock.timeZone)

    @Test(
        "Rounds, four quarters of frozen scores, the year's, bulletins and exports, all consistent",
        arguments: TestDatabase.available)
    func year(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the demo as of 2027-02-25
            #expect(Self.today.description == "2027-02-25")
            _ = try await DemoGenerator(database: app.db, hasher: PasswordHashing(cost: 4), today: Self.today)
                .populate()
            app.clock = AppClock(ManualClock(AppClock.moment(Self.today, hour: 10)))
            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$title == DemoContent.thisYear.title).first())
            let planID = try plan.requireID()

            // assert: two rounds, closed, their findings in every state, the overdue one turning its unit red
            let rounds = try await SupervisionRound.query(on: app.db).filter(\.$plan.$id == planID).all()
            #expect(rounds.count == 2 && rounds.allSatisfy { $0.closedAt != nil })
            let findings = try await RoundFinding.query(on: app.db).with(\.$responses).all()
            #expect(findings.filter { $0.state == .closed }.count == 5)
            #expect(findings.filter { $0.state == .responded }.count == 1)
            let overdue = try #require(findings.first { $0.state == .open })
            #expect(overdue.responses.isEmpty)
            #expect(findings.contains { $0.responses.count == 2 }, "one finding was reopened and answered again")
            #expect(findings.flatMap(\.responses).contains { $0.daysLate > 0 }, "one 整改 came in late")
            let board = try await DutyStatus.board(.tasks([overdue.$task.id]), today: Self.today, on: app.db)
            #expect(board.first { $0.unit.id == overdue.$unit.id }?.light == .red)

            // assert: every period and the year published once, each score explained to the point
            let snapshots = try await ScoreSnapshot.query(on: app.db).filter(\.$plan.$id == planID).all()
            let reporting = try await PlanReporting.load(plan, on: app.db)
            let keys = Scores.periods(of: reporting).map(\.key) + [Scores.yearKey]
            #expect(Set(snapshots.map(\.period)) == Set(keys) && snapshots.allSatisfy { $0.version == 1 })
            for snapshot in snapshots where snapshot.period != Scores.yearKey {
                let scores = try snapshot.scores()
                #expect(scores.filter(\.included).count >= 30, "\(snapshot.period)")
                for score in scores where score.included {
                    let sum = score.lines.reduce(0) { $0 + Int(($1.points * 100).rounded()) }
                    #expect(sum == Int(((score.total ?? 0) * 100).rounded()), "\(score.unitName) \(snapshot.period)")
                    for line in score.lines where line.kind.rule != nil {
                        #expect(line.taskNumber != nil && line.role != nil && !line.sentence.isEmpty)
                        if line.kind != .rule(.reportMissing) && line.kind != .rule(.workPlanMissing) {
                            #expect(line.reference != nil, "\(line.sentence)")
                        }
                    }
                }
            }
            let year = try #require(snapshots.first { $0.period == Scores.yearKey }).scores()
            #expect(year.filter(\.included).allSatisfy { $0.averagedPeriods.count >= 1 })

            // assert: the bulletins, issued as Word files that read back with their kept lines
            let bulletins = try await Bulletin.query(on: app.db).filter(\.$plan.$id == planID).all()
            let issued = bulletins.filter { $0.state == .issued }
            #expect(issued.count == 3 && bulletins.count == 4)
            // 期号 run per year: the fourth quarter's bulletin, issued in January, opens 2027's numbering.
            #expect(issued.map(\.issueLabel).sorted() == ["2026年第1期", "2026年第2期", "2027年第1期"])
            for bulletin in issued {
                let data = try #require(try await AttachmentBlob.find(bulletin.documentBlobID, on: app.db)).data
                let text = try DocumentReader.read(data: data, fileName: "通报.docx").lines.joined()
                #expect(text.contains(bulletin.title.replacingOccurrences(of: "\n", with: "")))
                for line in try bulletin.content().laggards where line.kept {
                    #expect(text.contains(line.text), "\(bulletin.issueLabel): \(line.text)")
                }
            }
            let praised = try await BulletinMention.query(on: app.db).filter(\.$kind == .praise).count()
            let praiseLines = snapshots.flatMap { (try? $0.scores()) ?? [] }.flatMap(\.lines)
                .filter { $0.kind == .rule(.praised) }.count
            #expect(praised > 0 && praiseLines > 0, "praise in the bulletins counts in the scores")

            // act: the 督查室 downloads the third quarter's scores, its 完成情况 and the last bulletin's annex
            let browser = TestBrowser(app)
            #expect(try await browser.signIn("admin", password: DemoAccounts.password).status == .seeOther)
            let q3 = try #require(Scores.periods(of: reporting).first { $0.index == 3 })
            let scoresBook = try await browser.request(SiteURL.scoresXlsx(plan: planID, period: q3.key).path)
            let ranking = try #require(try XlsxReader.sheets(data: scoresBook.data, fileName: "得分.xlsx").first)

            // assert: cell by cell as published
            let published = ScoreEngine.rank(
                try #require(snapshots.first { $0.period == q3.key }).scores())
            let rows = Array(ranking.rows.dropFirst(2))
            #expect(rows.count == published.count)
            for (row, entry) in zip(rows, published) {
                #expect(row[0] == (entry.rank.map(String.init) ?? ""))
                #expect(row[1] == entry.score.unitName)
                #expect(row[2] == (entry.score.total.map(ScoreEngine.text(points:)) ?? "不纳入"))
                #expect(row[3] == ScoreEngine.text(points: entry.score.deductions))
            }
            let progressBook = try await browser.request(SiteURL.planProgressXlsx(planID, period: q3.key).path)
            let progress = try #require(try XlsxReader.sheets(data: progressBook.data, fileName: "附表3.xlsx").first)
            var standing: [String: ProgressReport] = [:]
            for report in try await ProgressReport.query(on: app.db).filter(\.$period == q3.key)
                .filter(\.$kind == .report).filter(\.$state != .superseded).filter(\.$state != .returned)
                .with(\.$task).with(\.$unit).all() where report.task.$plan.id == planID
            {
                standing["\(report.unit.name)|\(report.task.text)"] = report
            }
            var unit = ""
            for row in progress.rows.dropFirst(4) {
                if !row[0].isEmpty { unit = row[0] }
                // A plan may number its sections' tasks afresh: the task's words tell them apart.
                let report = standing["\(unit)|\(row[2])"]
                if let report {
                    #expect(row[3].hasPrefix("【\(report.status.label)】\(report.narrative)"), "\(unit) \(row[1])")
                } else {
                    #expect(row[3] == "未报送", "\(unit) \(row[1])")
                }
            }
            let last = try #require(issued.max { $0.issueNumber < $1.issueNumber })
            let annexBook = try await browser.request(SiteURL.bulletinAnnex(try last.requireID()).path)
            let annex = try XlsxReader.sheets(data: annexBook.data, fileName: "附件.xlsx")
            let tables = BulletinComposer.annexTables(try last.facts())
            #expect(annex.count == tables.count)
            for (sheet, table) in zip(annex, tables) {
                // A unit's name is merged over its rows: read it down as a person reads the sheet.
                var filled: [[String]] = []
                for row in sheet.rows.dropFirst(1) {
                    var row = row + Array(repeating: "", count: max(0, 4 - row.count))
                    if row[0].isEmpty, let above = filled.last { row[0] = above[0] }
                    filled.append(row)
                }
                #expect(filled == [table.header] + table.rows)
            }
        }
    }
}
