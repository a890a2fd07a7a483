@testable import DubanServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The administrator's accounts through the API: the same rules and audit entries as the admin page.
@Suite("API users")
struct APIUserTests {
    @Test(
        "The administrator lists the government's accounts, never their password hashes",
        arguments: TestDatabase.available)
    func list(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            _ = try await ForeignGovernment.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            // act
            let response = try await app.api(.GET, "/users", auth: .bearer(token))
            // assert
            #expect(response.status == .ok)
            #expect(try response.schemaProblems("UserList") == [])
            let users = try response.decode(ListDTO<UserDTO>.self).items
            #expect(users.map(\.username) == ["admin", "clerk", "leader", "viewer"])
            let clerk = try #require(users.first { $0.username == "clerk" })
            #expect(clerk.role == "clerk" && clerk.roleLabel == "单位经办人")
            #expect(clerk.unitId == (try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()))
            #expect(!String(decoding: response.body, as: UTF8.self).contains("$2b$"))
        }
    }

    @Test("Creating an account checks it like the admin page and audits it", arguments: TestDatabase.available)
    func create(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let unitID = try await sample.unit("区民政局", on: app.db).requireID().uuidString
            let new = [
                "username": "Minzheng", "displayName": "李娜", "password": "minzheng-2026", "role": "clerk",
                "unitId": unitID,
            ]
            // act
            let response = try await app.api(.POST, "/users", auth: .bearer(token), json: new)
            // assert
            #expect(response.status == .created)
            #expect(try response.schemaProblems("User") == [])
            let user = try response.decode(UserDTO.self)
            #expect(user.username == "minzheng" && user.unitId?.uuidString == unitID && !user.disabled)
            let stored = try #require(try await User.find(user.id, on: app.db))
            #expect(try Bcrypt.verify("minzheng-2026", created: stored.passwordHash))
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "user.create").first())
            #expect(audit.actorName == "测试督查室管理员（admin）" && audit.entityID == user.id)
            #expect(!(audit.afterState ?? "").contains(stored.passwordHash))
        }
    }

    @Test(
        "Mistakes are refused: a taken name with 409, a malformed field with 400, fields that do not go together with 422",
        arguments: TestDatabase.available)
    func refused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let foreign = try await ForeignGovernment.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let base = ["username": "newuser", "displayName": "新用户", "password": "long-enough-1", "role": "viewer"]
            let cases: [([String: String], HTTPResponseStatus, String, String)] = [
                (base.merging(["username": "clerk"]) { $1 }, .conflict, "conflict", "已被使用"),
                (base.merging(["role": "clerk"]) { $1 }, .unprocessableEntity, "invalid_request", "需要选择所属单位"),
                (
                    base.merging(["username": "newuser01", "password": "newuser01"]) { $1 }, .unprocessableEntity,
                    "invalid_request", "与用户名相同"
                ),
                (
                    base.merging(["role": "clerk", "unitId": foreign.unit.uuidString]) { $1 }, .unprocessableEntity,
                    "invalid_request", "不属于本级政府"
                ),
                (base.merging(["password": "short"]) { $1 }, .badRequest, "invalid_request", "至少需要"),
                (base.merging(["role": "superuser"]) { $1 }, .badRequest, "invalid_request", "JSON"),
                (base.filter { $0.key != "password" }, .badRequest, "invalid_request", "JSON"),
            ]
            // act, assert
            for (body, status, code, words) in cases {
                let response = try await app.api(.POST, "/users", auth: .bearer(token), json: body)
                #expect(response.status == status, "\(body)")
                #expect(response.error?.code == code, "\(body)")
                #expect(response.error?.message.contains(words) == true, "\(body): \(response.error?.message ?? "")")
            }
            #expect(try await User.query(on: app.db).filter(\.$username == "newuser").count() == 0)
        }
    }
}
