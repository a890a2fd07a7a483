@testable import DubanServer
import DubanCore
import Fluent
import Testing
import VaporTesting

/// `duban demo`'s data, on every available database engine: what the demo promises is there, and a second
/// run finds it instead of adding a copy.
@Suite("Demo generator")
struct DemoGeneratorTests {
    @Test("A fresh database gets the district, its leaders and three plans", arguments: TestDatabase.available)
    func fillsFreshDatabase(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // act
            let summary = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            // assert
            #expect(summary.created)
            #expect(summary.plans == 3)
            #expect((30...40).contains(summary.units))
            #expect(try await UnitAlias.query(on: app.db).count() >= 20)
            let district = try #require(
                try await Government.query(on: app.db).filter(\.$name == DemoDirectory.governmentName).first())
            let leaders = try await Leader.query(on: app.db).filter(\.$government.$id == district.requireID())
                .sort(\.$position).all()
            #expect(leaders.count == 6)
            #expect(leaders.first?.title == "区长")
            #expect(leaders.allSatisfy { !$0.title.isEmpty && !$0.portfolio.isEmpty })
            let plans = try await Plan.query(on: app.db).filter(\.$government.$id == district.requireID()).all()
            #expect(Set(plans.map(\.year)) == [2025, 2026])
            #expect(try await PlanSource.query(on: app.db).count() == 5, "the district's three, the city's, 白沙区's")
        }
    }

    @Test(
        "Every demo account exists, with its unit or leader, and accepts the printed password",
        arguments: TestDatabase.available)
    func demoAccounts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // act
            let summary = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            // assert
            #expect(summary.accounts == DemoAccounts.entries.filter { $0.government == nil }.count)
            let users = try await User.query(on: app.db).with(\.$unit).with(\.$leader).all()
            #expect(Set(users.map(\.username)) == Set(DemoAccounts.entries.map(\.username)))
            #expect(Set(users.map(\.role)) == Set(UserRole.allCases))
            #expect(users.first { $0.username == "fagai" }?.unit?.name == "区发展和改革局")
            #expect(users.first { $0.username == "zhoujianguo" }?.leader?.name == "周建国")
            #expect(users.first { $0.username == "shi-zhujian" }?.unit?.name == "市住房和城乡建设局")
            for user in users {
                #expect(await PasswordHashing.cheap.verify(DemoAccounts.password, against: user.passwordHash))
            }
        }
    }

    @Test("A demo made before accounts existed gets them on the next run", arguments: TestDatabase.available)
    func addsMissingAccounts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            try await User.query(on: app.db).filter(\.$username != "admin").delete()
            // act
            let summary = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            // assert
            #expect(!summary.created)
            #expect(summary.accounts == DemoAccounts.entries.filter { $0.government == nil }.count)
            #expect(try await User.query(on: app.db).count() == DemoAccounts.entries.count)
        }
    }

    @Test("This year's plan has about 120 tasks of every kind and every role", arguments: TestDatabase.available)
    func thisYearsPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$title == DemoContent.thisYear.title).first())
            // act
            let tasks = try await TaskRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID()).all()
            let roles = try await TaskAssignment.query(on: app.db).filter(\.$task.$id ~~ tasks.compactMap(\.id)).all(
                \.$role)
            // assert
            #expect((110...130).contains(tasks.count))
            #expect(
                Set(tasks.map(\.kind)) == [.target, .task, .livelihood])
            #expect(tasks.filter { $0.kind == .livelihood }.count == 10)
            #expect(Set(roles) == Set(AssignmentRole.allCases))
            #expect(tasks.contains { $0.deadline != nil })
            #expect(try await PlanSection.query(on: app.db).filter(\.$plan.$id == plan.requireID()).count() > 15)
            #expect(
                try await TaskLeader.query(on: app.db).filter(\.$task.$id ~~ tasks.compactMap(\.id)).count()
                    == tasks.count)
        }
    }

    @Test("Collective units list their members", arguments: TestDatabase.available)
    func collectiveMemberships(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            // act
            let streets = try #require(try await Unit.query(on: app.db).filter(\.$name == "各街道办事处").first())
            let members = try await UnitMembership.query(on: app.db).filter(\.$group.$id == streets.requireID())
                .with(\.$member).all().map(\.member)
            // assert
            #expect(streets.isCollective)
            #expect(members.count == DemoDirectory.subdistrictNames.count)
            #expect(members.allSatisfy { $0.kind == .subdistrict })
        }
    }

    @Test("Abbreviations in plans resolve to the full-named unit", arguments: TestDatabase.available)
    func abbreviationsResolve(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // act
            _ = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            // assert
            #expect(try await Unit.query(on: app.db).filter(\.$name == "区发改局").count() == 0)
            let bureau = try #require(try await Unit.query(on: app.db).filter(\.$name == "区发展和改革局").first())
            #expect(try await TaskAssignment.query(on: app.db).filter(\.$unit.$id == bureau.requireID()).count() > 20)
        }
    }

    @Test("Running twice reuses the demo and adds nothing", arguments: TestDatabase.available)
    func secondRunReuses(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let first = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            let allTasks = try await TaskRecord.query(on: app.db).count()
            // act
            let second = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            // assert
            #expect(!second.created)
            #expect(second.plans == first.plans && second.tasks == first.tasks && second.units == first.units)
            #expect(second.accounts == first.accounts)
            #expect(try await Government.query(on: app.db).count() == 3, "云州市, 青溪区 and 白沙区")
            #expect(try await TaskRecord.query(on: app.db).count() == allTasks)
        }
    }

    @Test("A database holding another government is left alone", arguments: TestDatabase.available)
    func refusesForeignData(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            try await Government(name: "白沙县人民政府", shortName: "白沙县", level: "县").create(on: app.db)
            // act, assert
            await #expect(throws: DemoError.databaseHoldsOtherData) {
                _ = try await DemoGenerator(database: app.db, hasher: .cheap).populate()
            }
            #expect(try await Plan.query(on: app.db).count() == 0)
        }
    }
}

extension PasswordHashing {
    /// The lowest bcrypt cost: the demo tests check that accounts exist and accept the password, not hashing
    /// strength, and a production cost would add seconds.
    static let cheap = PasswordHashing(cost: 4)
}
