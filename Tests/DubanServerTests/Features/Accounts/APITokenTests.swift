@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Personal API tokens through the API: created and shown once, stored as a hash, revoked for good, and the only
/// way in — a session cookie or a bad token gets a JSON 401.
@Suite("API tokens")
struct APITokenTests {
    @Test("Creating a token shows it once, stores only its hash and audits it", arguments: TestDatabase.available)
    func create(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let bootstrap = try await app.apiToken(for: .viewer)
            // act
            let response = try await app.api(.POST, "/tokens", auth: .bearer(bootstrap), json: ["name": " 周报脚本 "])
            // assert
            #expect(response.status == .created)
            #expect(response.headers.first(name: .cacheControl) == "no-store")
            #expect(try response.schemaProblems("CreatedAPIToken") == [])
            let created = try response.decode(CreatedAPITokenDTO.self)
            #expect(created.token.hasPrefix("dbn_") && created.token.count == 47)
            #expect(created.apiToken.name == "周报脚本" && created.apiToken.active)
            let stored = try #require(try await APIToken.find(created.apiToken.id, on: app.db))
            #expect(stored.tokenHash == APITokenSecret.hash(created.token))
            #expect(stored.tokenHash != created.token && !stored.tokenHash.contains(created.token))
            let listed = try await app.api(.GET, "/tokens", auth: .bearer(created.token))
            #expect(listed.status == .ok)
            #expect(try listed.schemaProblems("APITokenList") == [])
            let body = String(decoding: listed.body, as: UTF8.self)
            #expect(body.contains("周报脚本") && !body.contains(created.token) && !body.contains(stored.tokenHash))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "token.create").all()
            #expect(audit.count == 2)
            let entry = try #require(audit.first { $0.entityID == created.apiToken.id })
            #expect(entry.actorName == "测试查看（viewer）")
            #expect(entry.summary == "为账号 viewer 创建 API 令牌“周报脚本”")
            #expect(!(entry.afterState ?? "").contains(stored.tokenHash))
        }
    }

    @Test(
        "A revoked token answers 401; revoking is audited, idempotent and limited to one's own tokens",
        arguments: TestDatabase.available)
    func revoke(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let keeper = try await app.apiToken(for: .clerk, name: "保留")
            let doomed = try await app.apiToken(for: .clerk, name: "作废")
            let doomedID = try #require(
                try await APIToken.query(on: app.db).filter(\.$name == "作废").first()?.requireID())
            let othersToken = try await app.apiToken(for: .viewer)
            #expect(try await app.api(.GET, "/plans", auth: .bearer(doomed)).status == .ok)
            // act
            let revoked = try await app.api(.DELETE, "/tokens/\(doomedID)", auth: .bearer(keeper))
            // assert
            #expect(revoked.status == .noContent)
            let refused = try await app.api(.GET, "/plans", auth: .bearer(doomed))
            #expect(refused.status == .unauthorized)
            #expect(refused.error?.code == "unauthorized")
            #expect(try await app.api(.GET, "/plans", auth: .bearer(keeper)).status == .ok)
            #expect(try await app.api(.DELETE, "/tokens/\(doomedID)", auth: .bearer(keeper)).status == .noContent)
            let foreign = try await app.api(.DELETE, "/tokens/\(doomedID)", auth: .bearer(othersToken))
            #expect(foreign.status == .notFound && foreign.error?.code == "not_found")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "token.revoke").all()
            #expect(audit.map(\.summary) == ["吊销账号 clerk 的 API 令牌“作废”"])
            let stored = try #require(try await APIToken.find(doomedID, on: app.db))
            #expect(stored.revokedAt != nil)
        }
    }

    @Test("Without a valid token every API route answers a JSON 401", arguments: TestDatabase.available)
    func unauthorized(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let disabledToken = try await app.apiToken(for: .leader)
            try await User.query(on: app.db).filter(\.$username == "leader").set(\.$isDisabled, to: true).update()
            let wellFormedUnknown = APITokenSecret.make()
            let cases: [(String, APIAuth)] = [
                ("no header", .none), ("basic auth", .header("Basic YWRtaW46c2FtcGxlLXBhc3N3b3Jk")),
                ("garbage", .bearer("not-a-token")), ("unknown", .bearer(wellFormedUnknown)),
                ("disabled user", .bearer(disabledToken)),
            ]
            // act, assert
            for (label, auth) in cases {
                let response = try await app.api(.GET, "/plans", auth: auth)
                #expect(response.status == .unauthorized, "\(label)")
                #expect(response.error?.code == "unauthorized", "\(label)")
                #expect(response.error?.message.contains("令牌") == true, "\(label)")
                #expect(try response.schemaProblems("Error") == [], "\(label)")
            }
        }
    }

    @Test("A signed-in browser's session cookie does not authenticate the API", arguments: TestDatabase.available)
    func sessionCookieIgnored(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the admin is signed in in a browser
            _ = try await SampleData.create(on: app.db)
            let cookie = try #require(try await app.browser(signedInAs: .admin).cookie)
            var headers = HTTPHeaders()
            headers.cookie = [AccountSettings.cookieName: .init(string: cookie)]
            // act
            let read = try await app.api(.GET, "/plans", auth: .none, headers: headers)
            let write = try await app.api(.POST, "/tokens", auth: .none, json: ["name": "跨站"], headers: headers)
            // assert
            #expect(read.status == .unauthorized)
            #expect(write.status == .unauthorized)
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test("Use is recorded at most once a minute, and the token's name is checked", arguments: TestDatabase.available)
    func lastUsedAndNames(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let clock = ManualClock()
            app.accounts.clock = clock
            let token = try await app.apiToken(for: .admin)
            // act
            _ = try await app.api(.GET, "/leaders", auth: .bearer(token))
            let first = try await APIToken.query(on: app.db).first()?.lastUsedAt
            clock.advance(by: 30)
            _ = try await app.api(.GET, "/leaders", auth: .bearer(token))
            let unchanged = try await APIToken.query(on: app.db).first()?.lastUsedAt
            clock.advance(by: 31)
            _ = try await app.api(.GET, "/leaders", auth: .bearer(token))
            let moved = try await APIToken.query(on: app.db).first()?.lastUsedAt
            // assert
            #expect(first.map { abs($0.timeIntervalSince(clock.now) + 61) < 1 } == true)
            #expect(unchanged == first)
            #expect(moved.map { abs($0.timeIntervalSince(clock.now)) < 1 } == true)
            for name in ["", "   ", String(repeating: "长", count: 41)] {
                let refused = try await app.api(.POST, "/tokens", auth: .bearer(token), json: ["name": name])
                #expect(refused.status == .badRequest && refused.error?.code == "invalid_request")
            }
            let noBody = try await app.api(.POST, "/tokens", auth: .bearer(token))
            #expect(noBody.status == .badRequest && noBody.error?.code == "invalid_request")
        }
    }
}
