@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// A 督查通报 of the sample plan's first quarter through the pages: drafted from the data, edited block by block,
/// refreshed, issued as a Word file that reads back, the units named notified and the praise counted in the
/// scores; a round's bulletin tallies its findings.
@Suite("Bulletin pages")
struct BulletinPagesTests {
    @Test("Draft, edit, refresh, issue, read back, notify and score the praise", arguments: TestDatabase.available)
    func bulletinLife(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the scoring history, and 区人力资源和社会保障局 beating its jobs target on time
            let sample = try await SampleData.create(on: app.db)
            let cast = try await ScorePagesTests.history(sample, on: app.db)
            let jobs = try await sample.task("城镇新增就业", on: app.db)
            let hr = try await sample.unit("区人力资源和社会保障局", on: app.db).requireID()
            let target = try #require(QuantifiedTargets.extract(from: jobs.text).first)
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            _ = try await ReportFiling.submit(
                .init(
                    period: q1, status: .onSchedule, reason: "", narrative: "一季度新增就业1.3万人。",
                    actuals: [
                        .init(label: target.label, unitOfMeasure: target.unit, target: target.value, actual: 1.3)
                    ],
                    newFiles: [], keptAttachmentIDs: []),
                taskID: try jobs.requireID(), unitID: hr,
                by: ScorePagesTests.filer(try ScorePagesTests.day("2025-04-15")),
                on: app.db)
            app.clock = AppClock(ManualClock(AppClock.moment(try ScorePagesTests.day("2025-05-01"), hour: 9)))
            let plan = sample.mainPlanID.uuidString.lowercased()

            // act: draft from the plan's first quarter
            let form = try await app.page(SiteURL.bulletinNew.path)
            #expect(form.html.contains("· 2025年第一季度"))
            let drafted = try await app.page(
                SiteURL.bulletins.path, method: .POST, form: ["from": "period", "period": "\(plan)|2025-Q1"])
            #expect(drafted.status == .seeOther)
            let bulletin = try #require(try await Bulletin.query(on: app.db).first())
            let id = try bulletin.requireID()
            #expect(drafted.location == SiteURL.bulletinAfter(id, "drafted").path)
            #expect(bulletin.issueLabel == "2025年第1期" && bulletin.organ == "青溪区人民政府督查室")

            // assert: the draft says where things stand and names the units
            let page = try await app.page(SiteURL.bulletinAfter(id, "drafted").path)
            #expect(page.html.contains("确定的8项任务中"))
            #expect(page.html.contains("序时进度按时间进度计算，2025年第一季度末为25%"))
            #expect(page.html.contains("第4项“建立涉企政策“免申即享”清单，年内兑现资金不少于5000万元。”（区财政局）"))
            #expect(page.html.contains("兑现资金1000万元（目标不少于5000万元），低于序时进度250万元"))
            #expect(page.html.contains("（区交通运输局）：未按时报送2025年第一季度完成情况"))
            #expect(page.html.contains("区人力资源和社会保障局按时报送、推进有力"))
            let content = try bulletin.content()
            let transportLine = try #require(content.laggards.firstIndex { $0.unitIDs == [cast.transport.uuidString] })

            // act: edit — a new title, one line left out, the requirements rewritten
            var fields: [String: String] = [
                "title": "关于2025年第一季度重点工作推进情况的通报", "organ": "青溪区人民政府督查室", "signedOn": "2025-05-06",
                "issueNumber": "3", "overall": content.overall, "praise": content.praise,
                "requirements": "请各单位于5月15日前报送整改措施。", "findings": "",
            ]
            for (index, line) in content.laggards.enumerated() {
                fields["laggard-\(index)"] = line.text
                if index != transportLine { fields["laggard-keep-\(index)"] = "1" }
            }
            for (index, line) in content.praised.enumerated() {
                fields["praised-\(index)"] = line.text
                fields["praised-keep-\(index)"] = "1"
            }
            fields["signedOn"] = "5月6日"
            let badDate = try await app.page(SiteURL.bulletin(id).path, method: .POST, form: fields)
            #expect(badDate.status == .unprocessableEntity && badDate.html.contains("请填写成文日期"))
            #expect(badDate.html.contains("请各单位于5月15日前报送整改措施。"), "the typed text comes back")
            fields["signedOn"] = "2025-05-06"
            let saved = try await app.page(SiteURL.bulletin(id).path, method: .POST, form: fields)
            #expect(saved.location == SiteURL.bulletinAfter(id, "saved").path)
            // act: refresh keeps the requirements and the left-out line
            _ = try await app.page(SiteURL.bulletin(id).path)
            _ = try await app.page(SiteURL.bulletinRefresh(id).path, method: .POST, form: [:])
            let refreshed = try #require(try await Bulletin.find(id, on: app.db))
            #expect(try refreshed.content().requirements == "请各单位于5月15日前报送整改措施。")
            #expect(try refreshed.content().laggards[transportLine].kept == false)
            #expect(refreshed.issueLabel == "2025年第3期")

            // assert: a clerk cannot see the draft
            #expect(try await app.page(SiteURL.bulletin(id).path, as: .clerk).status == .notFound)

            // act: issuing needs the confirmation
            _ = try await app.page(SiteURL.bulletin(id).path)
            let unconfirmed = try await app.page(SiteURL.bulletinIssue(id).path, method: .POST, form: [:])
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.html.contains("确认印发"))
            let issued = try await app.page(SiteURL.bulletinIssue(id).path, method: .POST, form: ["confirm": "1"])
            #expect(issued.location == SiteURL.bulletinAfter(id, "issued").path)

            // assert: the Word file reads back with its text; the named units are told and recorded
            let document = try await app.page(SiteURL.bulletinDocument(id).path, as: .clerk)
            #expect(document.status == .ok && document.contentType == FileDownload.docx)
            let text = try DocumentReader.read(data: document.data, fileName: "通报.docx").lines.joined(separator: "\n")
            #expect(text.contains("督查通报") && text.contains("第3期"))
            #expect(text.contains("关于2025年第一季度重点工作推进情况的通报"))
            #expect(text.contains("低于序时进度250万元") && !text.contains("（区交通运输局）：未按时报送"))
            #expect(text.contains("请各单位于5月15日前报送整改措施。") && text.contains("2025年5月6日"))
            let mentions = try await BulletinMention.query(on: app.db).all()
            #expect(mentions.contains { $0.kind == .praise && $0.$unit.id == hr })
            #expect(mentions.contains { $0.kind == .laggard && $0.$unit.id == cast.finance })
            #expect(!mentions.contains { $0.$unit.id == cast.transport }, "the line left out names nobody")
            let told = try await DubanServer.Notification.query(on: app.db).filter(\.$kind == .bulletin).all()
            #expect(Set(told.compactMap { $0.$unit.id }) == Set(mentions.map { $0.$unit.id }))
            let annex = try await app.page(SiteURL.bulletinAnnex(id).path)
            let sheets = try XlsxReader.sheets(data: annex.data, fileName: "附件.xlsx")
            #expect(sheets.map(\.name) == ["附件1", "附件2"])
            #expect(sheets[0].rows[1] == ["单位", "序号", "任务", "进展情况"])
            #expect(sheets[0].rows.contains { $0.first == "区财政局" })

            // assert: issued is final, readable by every role, and its praise counts in the quarter's score
            let again = try await app.page(SiteURL.bulletinIssue(id).path, method: .POST, form: ["confirm": "1"])
            #expect(again.status == .conflict)
            let read = try await app.page(SiteURL.bulletin(id).path, as: .viewer)
            #expect(read.status == .ok && read.html.contains("已印发") && !read.html.contains("保存草稿"))
            let planRecord = try #require(try await Plan.find(sample.mainPlanID, on: app.db))
            let scores = try await Scores.current(
                plan: planRecord, period: q1, today: try ScorePagesTests.day("2025-05-07"), on: app.db)
            let hrScore = try #require(scores.first { $0.score.unitID == hr.uuidString }?.score)
            #expect(hrScore.lines.contains { $0.sentence.contains("受到督查通报表扬（2025年第3期），加2分") })
            #expect(hrScore.lines.contains { $0.kind == .rule(.overTarget) })
            #expect(hrScore.total == 101, "100 + 2 praise + 1 over target - 2 for the work plan it never filed")
        }
    }

    @Test(
        "A round's bulletin tallies what the round found and names what is overdue", arguments: TestDatabase.available)
    func roundBulletin(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let filer = ScorePagesTests.filer(try ScorePagesTests.day("2025-05-01"))
            let round = try await Rounds.start(
                .init(
                    kind: .quarterly, title: "2025年第一季度重点督查", startsOn: "2025-04-21", endsOn: "2025-04-30",
                    inspectors: "", planID: sample.mainPlanID, sectionID: nil, unitIDs: []),
                governmentID: sample.governmentID, by: filer, on: app.db)
            _ = try await Findings.raise(
                .init(taskID: task, unitID: finance, problem: "政策清单未公开", requirement: "公开", dueOn: "2025-05-10"),
                in: round, by: filer, on: app.db)
            app.clock = AppClock(ManualClock(AppClock.moment(try ScorePagesTests.day("2025-05-20"), hour: 9)))
            // act
            let drafted = try await app.page(
                SiteURL.bulletins.path, method: .POST,
                form: ["from": "round", "round": try round.requireID().uuidString, "period": ""])
            #expect(drafted.status == .seeOther)
            let bulletin = try #require(try await Bulletin.query(on: app.db).first())
            // assert
            #expect(bulletin.title == "关于2025年第一季度重点督查的通报" && bulletin.period == "2025-Q1")
            let content = try bulletin.content()
            #expect(content.findings == "2025年第一季度重点督查共发现问题1个，已整改销号0个，正在整改1个，其中逾期未整改1个：")
            #expect(content.findingLines.map(\.text) == ["区财政局：第4项，政策清单未公开（整改时限5月10日，已逾期）。"])
        }
    }
}
