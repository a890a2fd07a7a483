@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

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
}
