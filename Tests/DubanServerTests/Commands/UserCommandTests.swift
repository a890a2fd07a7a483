@testable import DubanServer
import ArgumentParser
import Fluent
import Foundation
import Testing
import Vapor

/// `duban user add|list|reset-password`, run in-process on a test database: exact output and exit status.
@Suite("duban user")
struct UserCommandTests {
    @Test("add creates accounts of each role; list shows them", arguments: TestDatabase.available)
    func addAndList(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.createGovernment(on: app.db)
            let unit = DubanServer.Unit(
                governmentID: try await Government.query(on: app.db).first()?.requireID() ?? UUID(),
                name: "区民政局", kind: .bureau)
            try await unit.create(on: app.db)
            try await UnitAlias(unitID: try unit.requireID(), alias: "民政局").create(on: app.db)
            // act
            let clerk = try await UserAddCommand.parse(
                ["zhangmin", "--name", "张敏", "--role", "clerk", "--unit", "民政局", "--sqlite", "unused.sqlite"]
            ).execute(on: app, password: "clerk-password")
            let admin = try await UserAddCommand.parse(
                ["Chief", "--name", "李强", "--role", "admin", "--government", "青溪区"]
            ).execute(on: app, password: "admin-password")
            let list = try await UserListCommand.parse(["--government", "青溪区人民政府"]).execute(on: app)
            // assert
            #expect(clerk == .success("added user zhangmin (张敏, clerk) to 青溪区\n"))
            #expect(admin == .success("added user chief (李强, admin) to 青溪区\n"))
            #expect(
                list.standardOutput == """
                    USERNAME  NAME              ROLE    GOVERNMENT  UNIT / LEADER  STATUS
                    admin     测试督查室管理员  admin   青溪区      -              active
                    chief     李强              admin   青溪区      -              active
                    viewer    测试查看          viewer  青溪区      -              active
                    zhangmin  张敏              clerk   青溪区      区民政局       active

                    """)
            let stored = try #require(try await User.query(on: app.db).filter(\.$username == "zhangmin").first())
            #expect(stored.$unit.id == unit.id)
            #expect(await app.passwordHasher.verify("clerk-password", against: stored.passwordHash))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityID == stored.id).all()
            #expect(audit.map(\.actorName) == [AuditActor.commandLine.name])
        }
    }

    @Test("Mistakes exit 1 with one line and create nothing", arguments: TestDatabase.available)
    func mistakes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.createGovernment(on: app.db)
            try await Government(name: "东湖区人民政府", shortName: "东湖区", level: "区").create(on: app.db)
            let before = try await User.query(on: app.db).count()
            func add(_ arguments: [String], password: String = "good-password") async throws -> CommandOutcome {
                try await UserAddCommand.parse(arguments).execute(on: app, password: password)
            }
            // act, assert
            #expect(
                try await add(["someone", "--name", "某", "--role", "viewer"])
                    == .failure("name the government with --government (known: 东湖区, 青溪区)"))
            #expect(
                try await add(["viewer", "--name", "某", "--role", "viewer", "--government", "青溪区"])
                    == .failure("用户名“viewer”已被使用，请换一个。"))
            let unknownGovernment = try await add(["user-x1", "--name", "某", "--role", "viewer", "--government", "西山区"])
            #expect(unknownGovernment.exitCode == 1)
            #expect(unknownGovernment.standardError.hasPrefix("duban: no government 西山区; known: "))
            #expect(
                try await add(["user-x2", "--name", "某", "--role", "clerk", "--unit", "区外事办", "--government", "青溪区"])
                    == .failure("本级政府没有名为“区外事办”的单位。"))
            #expect(
                try await add(["user-x3", "--name", "某", "--role", "viewer", "--government", "青溪区"], password: "short")
                    == .failure("密码至少需要 8 个字符。"))
            #expect(try await User.query(on: app.db).count() == before)
        }
    }

    @Test(
        "Options that do not fit the role are refused before anything runs",
        arguments: [
            ["a1", "--name", "某", "--role", "clerk"], ["a2", "--name", "某", "--role", "admin", "--unit", "区财政局"],
            ["a3", "--name", "某", "--role", "viewer", "--leader", "孙丽"], ["a4", "--name", "某", "--role", "boss"],
        ])
    func refusedOptions(arguments: [String]) {
        #expect(throws: (any Error).self) { try UserAddCommand.parse(arguments) }
    }

    @Test("reset-password sets the password and ends the account's sessions", arguments: TestDatabase.available)
    func resetPassword(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.createGovernment(on: app.db)
            let browser = TestBrowser(app)
            try await browser.signIn("viewer")
            // act
            let reset = try await UserResetPasswordCommand.parse(["Viewer"]).execute(
                on: app, password: "new-password-9")
            let unknown = try await UserResetPasswordCommand.parse(["nobody"]).execute(
                on: app, password: "new-password-9")
            // assert
            #expect(reset == .success("reset the password of viewer; every session of the account is signed out\n"))
            #expect(unknown == .failure("没有找到这个账号，请核对用户名或从账号列表重新进入。"))
            #expect(try await browser.request(SiteURL.plans.path).status == .found)
            #expect(try await TestBrowser(app).signIn("viewer", password: "new-password-9").status == .seeOther)
        }
    }

    @Test("Columns line up by display width, Chinese characters taking two cells")
    func columns() {
        #expect(TextColumns.cells("青溪区") == 6)
        #expect(TextColumns.cells("admin") == 5)
        #expect(TextColumns.format([["A", "B"], ["青溪", "x"]]) == "A     B\n青溪  x\n")
    }
}
