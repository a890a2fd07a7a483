@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor

/// A signed-in page seen again is answered from memory only while it is exactly what rendering would give.
@Suite("Page cache")
struct PageCacheTests {
    @Test(
        "A page seen again comes from memory until anything is committed, by any connection",
        arguments: TestDatabase.available)
    func untilCommit(_ database: TestDatabase) async throws {
        try await Self.withCachingApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let path = SiteURL.plan(sample.mainPlanID).path
            let browser = try await app.browser(signedInAs: .admin)
            let first = try await browser.request(path)
            // act
            let again = try await Self.untilHit(browser, path)
            // The background jobs' connection on SQLite: a commit the requests' connections did not make.
            try await Self.retitle(sample.mainPlanID, on: app.jobsDatabase)
            let afterWrite = try await browser.request(path)
            // assert
            #expect(first.status == .ok && first.cache == "stored")
            #expect(again.cache == "hit")
            #expect(again.html == first.html)
            #expect(afterWrite.cache != "hit")
            #expect(afterWrite.html.contains("青溪区重点工作责任分解方案（修订）"))
            #expect(!first.html.contains("（修订）"))
        }
    }

    @Test("One person's page is never shown to another", arguments: TestDatabase.available)
    func perSession(_ database: TestDatabase) async throws {
        try await Self.withCachingApp(database) { app in
            // setup: the administrator's page is in the cache
            _ = try await SampleData.create(on: app.db)
            let admin = try await app.browser(signedInAs: .admin)
            let viewer = try await app.browser(signedInAs: .viewer)
            let adminPage = try await Self.untilHit(admin, SiteURL.plans.path)
            // act
            let viewerPage = try await viewer.request(SiteURL.plans.path)
            // assert: the viewer's own page, which has no import link
            #expect(adminPage.cache == "hit")
            #expect(viewerPage.cache != "hit")
            #expect(adminPage.html.contains(SiteURL.importNew.path))
            #expect(!viewerPage.html.contains(SiteURL.importNew.path))
        }
    }

    @Test(
        "A cookie kept after signing out gets the sign-in page, not the page kept for it",
        arguments: TestDatabase.available)
    func signedOut(_ database: TestDatabase) async throws {
        try await Self.withCachingApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let browser = try await app.browser(signedInAs: .admin)
            let cached = try await Self.untilHit(browser, SiteURL.plans.path)
            let cookie = try #require(browser.cookie)
            // act
            let signOut = try await browser.request(SiteURL.logout.path, method: .POST, form: [:])
            let copy = TestBrowser(app)
            copy.adopt(cookie: cookie)
            let replay = try await copy.request(SiteURL.plans.path)
            // assert
            #expect(cached.cache == "hit")
            #expect(signOut.status == .seeOther)
            #expect(replay.status == .found && replay.location?.hasPrefix(SiteURL.login.path) == true)
        }
    }

    @Test(
        "A page lasts only the minute it was rendered in, and never past its sign-in", arguments: TestDatabase.available
    )
    func minuteAndSession(_ database: TestDatabase) async throws {
        try await Self.withCachingApp(database) { app in
            // setup: at 09:00:10 on a working day
            _ = try await SampleData.create(on: app.db)
            let clock = ManualClock(Date(timeIntervalSince1970: 1_775_005_210))
            app.accounts.clock = clock
            let browser = try await app.browser(signedInAs: .admin)
            let cached = try await Self.untilHit(browser, SiteURL.plans.path)
            // act
            clock.advance(by: 60)
            let nextMinute = try await browser.request(SiteURL.plans.path)
            clock.advance(by: 13 * 3600)
            let afterLifetime = try await browser.request(SiteURL.plans.path)
            // assert
            #expect(cached.cache == "hit")
            #expect(nextMinute.status == .ok && nextMinute.cache != "hit")
            #expect(afterLifetime.status == .found)
        }
    }

    @Test("In-memory SQLite has no cache; DUBAN_PAGE_CACHE_MB sizes it or turns it off")
    func configuration() async throws {
        try await withTestApp(.sqlite) { app in #expect(app.pageCache == nil) }
        #expect(try AppConfig.resolve(environment: [:]).pageCacheMegabytes == 32)
        #expect(try AppConfig.resolve(environment: ["DUBAN_PAGE_CACHE_MB": "0"]).pageCacheMegabytes == 0)
        #expect(throws: AppConfigError.self) { try AppConfig.resolve(environment: ["DUBAN_PAGE_CACHE_MB": "lots"]) }
        try await withScratchStorage(.sqlite) { storage in
            try await withTestApp(storage: storage) { app in
                #expect(app.pageCache?.capacity == 32 << 20)
            }
        }
    }

    @Test("Requests for a page while it is being rendered wait for that rendering", arguments: TestDatabase.available)
    func oneRendering(_ database: TestDatabase) async throws {
        try await Self.withCachingApp(database) { app in
            // setup: a page in the cache, then a change, within one minute
            let sample = try await SampleData.create(on: app.db)
            app.accounts.clock = ManualClock(Date(timeIntervalSince1970: 1_775_005_210))
            let path = SiteURL.plan(sample.mainPlanID).path
            let browser = try await app.browser(signedInAs: .admin)
            _ = try await Self.untilHit(browser, path)
            try await Self.retitle(sample.mainPlanID, on: app.db)
            let cache = try #require(app.pageCache)
            let storedBefore = cache.counts.stores
            // act: sixteen requests at once
            let pages = try await withThrowingTaskGroup(of: RenderedPage.self) { group in
                for _ in 0..<16 { group.addTask { try await browser.request(path) } }
                return try await group.reduce(into: [RenderedPage]()) { $0.append($1) }
            }
            // assert: one rendering, the changed page for all
            #expect(pages.allSatisfy { $0.status == .ok && $0.html.contains("（修订）") })
            #expect(Set(pages.map(\.html)).count == 1)
            #expect(cache.counts.stores - storedBefore == 1)
        }
    }

    @Test(
        "Requests at once share one question for the version; a question after a commit sees it",
        arguments: TestDatabase.available)
    func sharedQuestions(_ database: TestDatabase) async throws {
        try await Self.withCachingApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let reader = try #require(app.pageCache?.version)
            let before = try await reader.current(app)
            let asked = reader.questions
            // act
            let versions = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<64 { group.addTask { try await reader.current(app) } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            try await Self.retitle(sample.mainPlanID, on: app.db)
            let after = try await reader.current(app)
            // assert
            #expect(versions.count == 64)
            #expect(reader.questions - asked < 64)
            #expect(after != before)
        }
    }

    /// Runs `body` on an app with a page cache: over an SQLite file or a PostgreSQL database of its own, with no
    /// other PostgreSQL test running (the version is the whole server's).
    static func withCachingApp(_ database: TestDatabase, _ body: (Application) async throws -> Void) async throws {
        try await withScratchStorage(database, alone: true) { storage in
            try await withTestApp(storage: storage, body)
        }
    }

    /// Changes the plan's title, a commit every page of the plan shows.
    static func retitle(_ planID: UUID, on database: any Database) async throws {
        let plan = try #require(try await Plan.find(planID, on: database))
        plan.title = "青溪区重点工作责任分解方案（修订）"
        try await plan.save(on: database)
    }

    /// Requests `path` until the answer comes from the cache (or twenty times). On PostgreSQL the version is the
    /// whole server's, so these tests run alone (`alone:`); a stray commit still only costs one more request.
    static func untilHit(_ browser: TestBrowser, _ path: String) async throws -> RenderedPage {
        var page = try await browser.request(path)
        for _ in 0..<20 where page.cache != "hit" { page = try await browser.request(path) }
        return page
    }
}

/// The store itself: versions, size and the switch.
@Suite("Page cache store")
struct PageCacheStoreTests {
    private func entry(_ text: String, version: String = "1", minute: Int64 = 10) -> PageCache.Entry {
        PageCache.Entry(
            headers: ["Content-Type": "text/html"], body: ByteBuffer(string: text), version: version, minute: minute,
            sessionEnds: Date(timeIntervalSince1970: 2_000_000_000))
    }

    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A new version empties it, and a page rendered before the change is not kept")
    func versions() {
        let cache = PageCache(capacity: 1 << 20, version: .postgres)
        cache.store(entry("a"), for: "k")
        #expect(cache.entry(for: "k", version: "1", minute: 10, now: now)?.body == ByteBuffer(string: "a"))
        #expect(cache.entry(for: "k", version: "2", minute: 10, now: now) == nil)
        cache.store(entry("old", version: "1"), for: "k")
        #expect(cache.entry(for: "k", version: "2", minute: 10, now: now) == nil)
        cache.store(entry("new", version: "2"), for: "k")
        #expect(cache.entry(for: "k", version: "2", minute: 10, now: now)?.body == ByteBuffer(string: "new"))
    }

    @Test("Another minute, or a session's end, is a miss")
    func time() {
        let cache = PageCache(capacity: 1 << 20, version: .postgres)
        cache.store(entry("a"), for: "k")
        #expect(cache.entry(for: "k", version: "1", minute: 11, now: now) == nil)
        cache.store(entry("a"), for: "k")
        #expect(cache.entry(for: "k", version: "1", minute: 10, now: Date(timeIntervalSince1970: 2_000_000_000)) == nil)
    }

    @Test("Beyond its capacity the oldest pages go; a page bigger than the limit is not kept")
    func capacity() {
        let cache = PageCache(capacity: 4_000, entryLimit: 1_500, version: .postgres)
        for index in 0..<5 { cache.store(entry(String(repeating: "x", count: 1_000)), for: "k\(index)") }
        cache.store(entry(String(repeating: "y", count: 2_000)), for: "big")
        let kept = (0..<5).filter { cache.entry(for: "k\($0)", version: "1", minute: 10, now: now) != nil }
        #expect(kept == [2, 3, 4])
        #expect(cache.entry(for: "big", version: "1", minute: 10, now: now) == nil)
    }

    @Test("Turned off, it keeps and answers nothing")
    func off() {
        let cache = PageCache(capacity: 1 << 20, version: .postgres)
        cache.store(entry("a"), for: "k")
        #expect(cache.entry(for: "k", version: "1", minute: 10, now: now) != nil)
        cache.isEnabled = false
        #expect(cache.entry(for: "k", version: "1", minute: 10, now: now) == nil)
        cache.store(entry("a"), for: "k")
        cache.isEnabled = true
        #expect(cache.entry(for: "k", version: "1", minute: 10, now: now) == nil)
        #expect(cache.counts.hits == 1)
    }
}
