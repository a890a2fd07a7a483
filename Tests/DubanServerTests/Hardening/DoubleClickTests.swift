@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// The 督查室 clicks 印发 or 发布 twice, or two clerks of the office act on one thing at the same moment. Each
/// writer checks what it changes as committed, inside its transaction: one bulletin is issued once, two drafts
/// cannot both take one 期号, and two publications of one period are numbered one after the other.
@Suite("Double clicks")
struct DoubleClickTests {
    /// The outcome of one click: nil when it went through, else the error it was refused with.
    static func click(_ action: @Sendable () async throws -> Void) async -> String? {
        do {
            try await action()
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test(
        "A bulletin issued twice at once is issued once; two drafts of one 期号 are not both issued; two publications number on",
        arguments: TestDatabase.available)
    func onceEach(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the first quarter of 2025 as scored in ScorePagesTests, two drafts of one 期号
            let sample = try await SampleData.create(on: app.db)
            _ = try await ScorePagesTests.history(sample, on: app.db)
            let day = try ScorePagesTests.day("2025-05-01")
            let filer = ScorePagesTests.filer(day)
            let db = app.db
            let source = Bulletins.Source(planID: sample.mainPlanID, period: "2025-Q1")
            let first = try await Bulletins.draft(source, governmentID: sample.governmentID, by: filer, on: db)
            let second = try await Bulletins.draft(source, governmentID: sample.governmentID, by: filer, on: db)
            second.issueNumber = first.issueNumber
            try await second.update(on: db)

            // act: 印发 twice on the first, once on the second, all at once
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for bulletin in [first, first, second] {
                    group.addTask {
                        // each click loads the bulletin itself, as each request does
                        await Self.click {
                            let loaded = try #require(try await Bulletin.find(try bulletin.requireID(), on: db))
                            try await Bulletins.issue(loaded, by: filer, on: db)
                        }
                    }
                }
                return await group.reduce(into: [String?]()) { $0.append($1) }
            }

            // assert: one went through; the others were refused in words, not by the database
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(
                outcomes.compactMap { $0 }.allSatisfy { $0.contains("alreadyIssued") || $0.contains("numberTaken") })
            let issued = try await Bulletin.query(on: db).filter(\.$state == .issued).all()
            #expect(issued.count == 1)
            let mentions = try await BulletinMention.query(on: db).all()
            let perBulletin = Dictionary(grouping: mentions, by: { $0.$bulletin.id })
            #expect(perBulletin.keys.allSatisfy { $0 == (try? issued.first?.requireID()) })
            // as many mentions as the issued text names units, not twice as many
            let content = try #require(try issued.first?.content())
            let named = (content.laggards + content.findingLines + content.qualityLines + content.praised)
                .filter(\.kept).map { $0.unitIDs.count }.reduce(0, +)
            #expect(named > 0 && mentions.count == named)

            // act and assert: 发布 twice at once gives versions 1 and 2
            let plan = try #require(try await Plan.find(sample.mainPlanID, on: db))
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            let ranked = try await Scores.current(plan: plan, period: q1, today: day, on: db)
            let published = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        await Self.click {
                            _ = try await Scores.publish(ranked, span: .period(q1), plan: plan, by: filer, on: db)
                        }
                    }
                }
                return await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(published == [nil, nil])
            let versions = try await ScoreSnapshot.query(on: db).all().map(\.version).sorted()
            #expect(versions == [1, 2])
        }
    }

    @Test(
        "An administrator's reset and the user's sign-out everywhere at once each end the sessions before them",
        arguments: TestDatabase.available)
    func bothEndSessions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "clerk").first())
            let epoch = user.sessionEpoch
            let userID = try user.requireID()
            let db = app.db
            let hasher = app.passwordHasher
            // act: each request loads the account itself, then changes it
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    let loaded = try? await User.find(userID, on: db)
                    if let loaded {
                        try? await UserAccounts(database: db, hasher: hasher).resetPassword(
                            of: loaded, to: "Qx7!river-2025")
                    }
                }
                group.addTask {
                    let loaded = try? await User.find(userID, on: db)
                    if let loaded { try? await UserAccounts(database: db, hasher: hasher).signOutEverywhere(loaded) }
                }
            }
            // assert: two changes, two epochs on
            let after = try #require(try await User.find(userID, on: db))
            #expect(after.sessionEpoch == epoch + 2)
        }
    }

    @Test("Two saves of a plan's parent links at once keep one link per task", arguments: TestDatabase.available)
    func parentLinksTwice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: a district task whose suggested link is gone, so each save finds none and makes one
            let data = try await CityData.create(on: app.db)
            let plan = data.sample.cascadePlanID
            let cityRetail = try await data.task("社会消费品零售总额增长8%", plan: data.cityPlanID, on: app.db)
            let retail = try await data.task("社会消费品零售总额增长8.5%", plan: plan, on: app.db)
            let retailID = try retail.requireID()
            try await TaskLink.query(on: app.db).filter(\.$task.$id == retailID).delete()
            let form = ["link-\(retailID.uuidString.lowercased())": try cityRetail.requireID().uuidString]
            let browser = try await app.browser(signedInAs: .admin)
            let path = SiteURL.planParents(plan).path
            // act: 保存 twice at once
            let statuses = await withTaskGroup(of: HTTPStatus?.self) { group in
                for _ in 0..<2 {
                    group.addTask { try? await browser.request(path, method: .POST, form: form).status }
                }
                return await group.reduce(into: [HTTPStatus?]()) { $0.append($1) }
            }
            // assert: both saved, one confirmed link
            #expect(statuses == [.seeOther, .seeOther])
            let links = try await TaskLink.query(on: app.db).filter(\.$task.$id == retailID).all()
            #expect(links.count == 1 && links.first?.state == .confirmed)
            #expect(links.first?.$parent.id == cityRetail.id)
        }
    }

    @Test(
        "Two 催办 of one task at once send one notice; two 结束督查 close a round once", arguments: TestDatabase.available)
    func urgeAndCloseTwice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let browser = try await app.browser(signedInAs: .admin)
            let form = ["target[]": "\(task.uuidString):\(finance.uuidString)", "message": "请本周内补报", "light": "all"]
            // act: 催办 twice at once
            let locations = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try? await browser.request(SiteURL.oversightUrge.path, method: .POST, form: form).location
                    }
                }
                return await group.reduce(into: [String]()) { $0.append($1 ?? "failed") }
            }
            // assert: one urge and one notice; the second click is told it was already sent
            #expect(locations.filter { $0.hasSuffix("urged=1") }.count == 1, "\(locations)")
            #expect(locations.filter { $0.hasSuffix("urged=0") }.count == 1, "\(locations)")
            #expect(try await TaskUrge.query(on: app.db).count() == 1)
            #expect(try await DubanServer.Notification.query(on: app.db).filter(\.$kind == .urge).count() == 1)
            let repeated = try await app.page(try #require(locations.first { $0.hasSuffix("urged=0") }))
            #expect(repeated.html.contains("所选任务刚刚已经催办过，没有重复发出。"))
            // act: other words are another urge
            var other = form
            other["message"] = "请今天下班前报送"
            _ = try await browser.request(SiteURL.oversightUrge.path, method: .POST, form: other)
            #expect(try await TaskUrge.query(on: app.db).count() == 2)

            // setup: an open round
            let filer = ReportFiling.Filer(
                userID: nil, actor: .system, requestID: nil, now: Date(), today: CalendarDay("2025-04-10")!)
            let round = try await Rounds.start(
                .init(
                    kind: .quarterly, title: "2025年第一季度重点督查", startsOn: "2025-04-10", endsOn: "2025-04-30",
                    inspectors: "区政府督查室 王强", planID: sample.mainPlanID, sectionID: nil, unitIDs: []),
                governmentID: sample.governmentID, by: filer, on: app.db)
            let roundID = try round.requireID()
            let db = app.db
            // act: 结束督查 twice at once, each click loading the round itself
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        if let loaded = try? await SupervisionRound.find(roundID, on: db) {
                            try? await Rounds.close(loaded, by: filer, on: db)
                        }
                    }
                }
            }
            // assert: closed once
            #expect(try await SupervisionRound.find(roundID, on: db)?.closedAt != nil)
            #expect(try await AuditEvent.query(on: db).filter(\.$action == "round.close").count() == 1)
        }
    }

    @Test("A 批示 sent twice at once is given once, and tells each unit once", arguments: TestDatabase.available)
    func instructionTwice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let leader = try await sample.leader(SampleData.leaderName, on: app.db).requireID()
            let author = Instructions.Author(leaderID: leader, userID: nil, name: SampleData.leaderName)
            let filer = ReportFiling.Filer(
                userID: nil, actor: .system, requestID: nil, now: app.clock.now(), today: app.clock.today())
            let db = app.db
            // act: 发送批示 twice at once
            let given = await withTaskGroup(of: UUID?.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try? await Instructions.give(
                            "请6月底前兑现过半。", taskID: task, reportID: nil, by: author, filer: filer, on: db
                        ).requireID()
                    }
                }
                return await group.reduce(into: [UUID?]()) { $0.append($1) }
            }
            // assert: both clicks answered with the one instruction; three units and the office told once
            #expect(Set(given).count == 1 && given.allSatisfy { $0 != nil })
            #expect(try await Instruction.query(on: db).count() == 1)
            let notices = try await DubanServer.Notification.query(on: db).filter(\.$kind == .instruction).count()
            #expect(notices == 4)
            // act: other words are another 批示
            _ = try await Instructions.give(
                "请每月报进度。", taskID: task, reportID: nil, by: author, filer: filer, on: db)
            #expect(try await Instruction.query(on: db).count() == 2)
        }
    }

    @Test("Tokens created all at once stop at the account's limit", arguments: TestDatabase.available)
    func tokensAtOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
            let government = try #require(try await Government.find(user.$government.id, on: app.db))
            let current = try CurrentUser(user: user, government: government)
            let db = app.db
            // act: five more than the limit, all at once
            let refusals = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<(APITokens.activeLimit + 5) {
                    group.addTask {
                        do {
                            _ = try await APITokens(database: db).create(name: "脚本\(index)", for: current)
                            return false
                        } catch {
                            return error as? APITokenError == .tooMany
                        }
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            // assert
            #expect(refusals == 5)
            #expect(try await APIToken.query(on: db).filter(\.$user.$id == current.id).count() == APITokens.activeLimit)
        }
    }
}
