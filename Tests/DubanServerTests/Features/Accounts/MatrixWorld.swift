@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// The records the authorization matrix asks for: the sample government with its accounts, a spare account
/// to disable, and a second government (东湖区) with a plan, a task, a unit, a leader and an account whose ids
/// the first government's users try to guess. Both districts sit under one city (云州市, with its own 督查室
/// account), so every "another government" row of the matrix is a sibling district's record.
struct MatrixWorld: Sendable {
    var sample: SampleData
    var task: UUID
    /// A task the clerk's unit reports on (its 牵头单位 is 区财政局).
    var ownTask: UUID
    /// The clerk's unit (区财政局) and another unit (区民政局).
    var clerkUnit: UUID
    var otherUnit: UUID
    var leader: UUID
    var spareUser: UUID
    var foreignPlan: UUID
    var foreignTask: UUID
    var foreignUnit: UUID
    var foreignLeader: UUID
    var foreignUser: UUID
    /// Import wizard drafts of this government and of the other one.
    var draft: UUID
    var foreignDraft: UUID
    /// 督查: a round of the sample plan, a finding on the clerk's own task and one on another unit's, and a
    /// round with a finding in the other government.
    var round: UUID
    var ownFinding: UUID
    var otherFinding: UUID
    var foreignRound: UUID
    var foreignFinding: UUID
    /// 督查通报: a draft and an issued one of the sample plan, and an issued one of the other government.
    var draftBulletin: UUID
    var issuedBulletin: UUID
    var foreignBulletin: UUID

    /// The city's accounts, one per role, by sign-in name.
    static let cityAccounts: [UserRole: String] = [
        .admin: "city-admin", .clerk: "city-clerk", .leader: "city-leader", .viewer: "city-viewer",
    ]

    /// The city's plan of one task, whose lead unit and leader the city's clerk and leader accounts belong to.
    private static func cityAccounts(cityID: UUID, on database: any Database) async throws {
        let text = """
            2025年市《政府工作报告》重点工作责任分解方案
            1.推进城市更新，改造老旧小区300个。(责任领导:陈明;牵头单位:市住房和城乡建设局)
            """
        _ = try await PlanImporter(database: database).importPlan(
            try #require(PlanParser.parse(text: text).first), governmentID: cityID)
        let unit = try #require(
            try await DubanServer.Unit.query(on: database).filter(\.$government.$id == cityID).first())
        let leader = try #require(try await Leader.query(on: database).filter(\.$government.$id == cityID).first())
        for (role, username) in cityAccounts {
            try await User(
                governmentID: cityID, username: username, displayName: "市\(role.label)",
                passwordHash: SampleData.passwordHash, role: role, unitID: role == .clerk ? try unit.requireID() : nil,
                leaderID: role == .leader ? try leader.requireID() : nil
            ).create(on: database)
        }
    }

    static func create(on database: any Database) async throws -> MatrixWorld {
        let sample = try await SampleData.create(on: database)
        let spare = User(
            governmentID: sample.governmentID, username: "spare", displayName: "备用",
            passwordHash: SampleData.passwordHash,
            role: .viewer)
        try await spare.create(on: database)
        let foreign = try await ForeignGovernment.create(on: database)
        let city = Government(name: "云州市人民政府", shortName: "云州市", level: "市")
        try await city.create(on: database)
        for governmentID in [
            sample.governmentID, try #require(try await User.find(foreign.user, on: database)).$government.id,
        ] {
            let district = try #require(try await Government.find(governmentID, on: database))
            district.$parent.id = try city.requireID()
            try await district.save(on: database)
        }
        try await Self.cityAccounts(cityID: try city.requireID(), on: database)
        let draft = try await Self.draft(by: try await sample.user(.admin, on: database), on: database)
        let foreignAdmin = try #require(try await User.find(foreign.user, on: database))
        let foreignDraft = try await Self.draft(by: foreignAdmin, on: database)
        let ownTask = try await sample.task("建立涉企政策", on: database).requireID()
        let clerkUnit = try await sample.unit(SampleData.clerkUnit, on: database).requireID()
        let canteen = try await sample.task("新建社区食堂", on: database).requireID()
        let otherUnit = try await sample.unit("区民政局", on: database).requireID()
        let round = try await Self.round(plan: sample.mainPlanID, government: sample.governmentID, on: database)
        let foreignRound = try await Self.round(
            plan: foreign.plan, government: foreignAdmin.$government.id, on: database)
        return MatrixWorld(
            sample: sample, task: try await sample.task("新增公共停车泊位", on: database).requireID(),
            ownTask: try await sample.task("建立涉企政策", on: database).requireID(),
            clerkUnit: try await sample.unit(SampleData.clerkUnit, on: database).requireID(),
            otherUnit: try await sample.unit("区民政局", on: database).requireID(),
            leader: try await sample.leader(SampleData.leaderName, on: database).requireID(),
            spareUser: try spare.requireID(), foreignPlan: foreign.plan, foreignTask: foreign.task,
            foreignUnit: foreign.unit, foreignLeader: foreign.leader, foreignUser: foreign.user,
            draft: draft, foreignDraft: foreignDraft, round: try round.requireID(),
            ownFinding: try await Self.finding(in: round, task: ownTask, unit: clerkUnit, on: database),
            otherFinding: try await Self.finding(in: round, task: canteen, unit: otherUnit, on: database),
            foreignRound: try foreignRound.requireID(),
            foreignFinding: try await Self.finding(
                in: foreignRound, task: foreign.task, unit: foreign.unit, on: database),
            draftBulletin: try await Self.bulletin(
                plan: sample.mainPlanID, government: sample.governmentID, on: database),
            issuedBulletin: try await Self.bulletin(
                plan: sample.mainPlanID, government: sample.governmentID, issued: true, on: database),
            foreignBulletin: try await Self.bulletin(
                plan: foreign.plan, government: foreignAdmin.$government.id, issued: true, on: database))
    }

    /// A bulletin of the plan's first quarter of 2025, issued or left a draft.
    private static func bulletin(plan: UUID, government: UUID, issued: Bool = false, on database: any Database)
        async throws -> UUID
    {
        let bulletin = try await Bulletins.draft(
            .init(planID: plan, period: "2025-Q1"), governmentID: government, by: filer, on: database)
        if issued { try await Bulletins.issue(bulletin, by: filer, on: database) }
        return try bulletin.requireID()
    }

    /// A 督查 round on the plan, started by the system.
    private static func round(plan: UUID, government: UUID, on database: any Database) async throws
        -> SupervisionRound
    {
        try await Rounds.start(
            .init(
                kind: .quarterly, title: "第一季度重点督查", startsOn: "2025-04-21", endsOn: "2025-04-30",
                inspectors: "", planID: plan, sectionID: nil, unitIDs: []),
            governmentID: government, by: filer, on: database)
    }

    /// A finding of the round on the unit's work on the task.
    private static func finding(in round: SupervisionRound, task: UUID, unit: UUID, on database: any Database)
        async throws -> UUID
    {
        try await Findings.raise(
            .init(taskID: task, unitID: unit, problem: "台账不全", requirement: "补齐台账", dueOn: "2025-05-10"),
            in: round, by: filer, on: database
        ).requireID()
    }

    private static let filer = ReportFiling.Filer(
        userID: nil, actor: .system, requestID: nil, now: Date(),
        today: CalendarDay(date: Date(timeIntervalSince1970: 1_746_057_600), timeZone: AppClock.timeZone))

    /// An unpublished import draft of the user's government, made by that user.
    private static func draft(by user: User, on database: any Database) async throws -> UUID {
        let draft = ImportDraft(
            governmentID: user.$government.id, createdByID: try user.requireID(), fileName: "方案.txt",
            format: "text", encoding: "UTF-8", sourceText: SampleData.mainText, year: nil)
        try await draft.create(on: database)
        return try draft.requireID()
    }

    /// A new unit with no task, to be merged away; its id as a form value.
    func disposableUnit(named name: String, on database: any Database) async throws -> String {
        let unit = DubanServer.Unit(governmentID: sample.governmentID, name: "临时单位 \(name) \(UUID())", kind: .bureau)
        try await unit.create(on: database)
        return try unit.requireID().uuidString.lowercased()
    }
}

/// 东湖区: another government on the same installation.
struct ForeignGovernment {
    var plan: UUID
    var task: UUID
    var unit: UUID
    var leader: UUID
    var user: UUID

    static func create(on database: any Database) async throws -> ForeignGovernment {
        let government = Government(name: "东湖区人民政府", shortName: "东湖区", level: "区")
        try await government.create(on: database)
        let governmentID = try government.requireID()
        let text = """
            2025年东湖区《政府工作报告》重点工作责任分解方案
            一、民生实事
            1.新建口袋公园10个。(责任领导:钱伟;牵头单位:东湖区园林局)
            """
        let plan = try await PlanImporter(database: database).importPlan(
            try #require(PlanParser.parse(text: text).first), governmentID: governmentID)
        let task = try #require(
            try await TaskRecord.query(on: database).filter(\.$plan.$id == plan.requireID()).first())
        let unit = try #require(
            try await DubanServer.Unit.query(on: database).filter(\.$government.$id == governmentID).first())
        let leader = try #require(
            try await Leader.query(on: database).filter(\.$government.$id == governmentID).first())
        let user = User(
            governmentID: governmentID, username: "donghu-admin", displayName: "东湖区管理员",
            passwordHash: SampleData.passwordHash, role: .admin)
        try await user.create(on: database)
        return ForeignGovernment(
            plan: try plan.requireID(), task: try task.requireID(), unit: try unit.requireID(),
            leader: try leader.requireID(), user: try user.requireID())
    }
}
