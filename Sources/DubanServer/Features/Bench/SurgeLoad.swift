import DubanCore
import Fluent
import Foundation

/// The data of a deadline day: one plan of this year whose every task is led by a unit of its own, and one clerk
/// per unit — so each clerk files one report that no other clerk touches, and "no report lost" is a count.
/// Used by `duban bench surge` and by the crash test, which loads it before starting the server it kills.
struct SurgeLoad {
    /// One clerk and the task they report on.
    struct Clerk: Sendable {
        var username: String
        var taskID: UUID
        var unitID: UUID
    }

    /// What the requests need.
    struct Targets: Sendable {
        var governmentID: UUID
        var planID: UUID
        /// The period every clerk files: this year's current quarter, as a form value ("2026-Q4").
        var period: String
        var clerks: [Clerk]
    }

    static let governmentName = "压测区人民政府"
    /// The 督查室 administrator who reads the office's pages (and reviews, in the crash test) meanwhile.
    static let adminUsername = "surge-admin"
    /// Every account's password; public by design, like the demo's.
    static let password = "surge-password"

    let database: any Database

    /// Creates the government, its administrator, a plan of `clerks` tasks and one clerk per task's unit, for
    /// the quarter `today` falls in. Passwords are hashed once at bcrypt's lowest cost: the sign-ins are part of
    /// the surge, and a production cost would measure bcrypt, not the server.
    func load(clerks count: Int, today: CalendarDay) async throws -> Targets {
        let government = Government(name: Self.governmentName, shortName: "压测区", level: "区")
        try await government.create(on: database)
        let governmentID = try government.requireID()
        let hash = try await PasswordHashing(cost: 4).hash(Self.password)
        try await User(
            governmentID: governmentID, username: Self.adminUsername, displayName: "督查室", passwordHash: hash,
            role: .admin
        ).create(on: database)
        let unitNames = SyntheticPlan.unitNames(count: count)
        guard unitNames.count == count else { throw SurgeError.tooManyClerks(maximum: unitNames.count) }
        let plan = try await PlanImporter(database: database).importPlan(
            Self.document(units: unitNames, year: today.year), governmentID: governmentID, year: today.year)
        let planID = try plan.requireID()
        let tasks = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID).with(\.$assignments).all()
        var clerks: [Clerk] = []
        var users: [User] = []
        for task in tasks.sorted(by: { $0.position < $1.position }) {
            guard let unitID = task.assignments.first?.$unit.id else { continue }
            let username = "surge-clerk-\(clerks.count + 1)"
            users.append(
                User(
                    governmentID: governmentID, username: username, displayName: "经办人\(clerks.count + 1)",
                    passwordHash: hash, role: .clerk, unitID: unitID))
            clerks.append(Clerk(username: username, taskID: try task.requireID(), unitID: unitID))
        }
        for batch in stride(from: 0, to: users.count, by: 200) {
            try await Array(users[batch..<min(batch + 200, users.count)]).create(on: database)
        }
        guard clerks.count == count else { throw SurgeError.planNotImported(expected: count, found: clerks.count) }
        let quarter = (today.month - 1) / 3 + 1
        return Targets(governmentID: governmentID, planID: planID, period: "\(today.year)-Q\(quarter)", clerks: clerks)
    }

    /// A plan of one task per unit, each unit leading its own task.
    static func document(units: [String], year: Int) -> PlanDocument {
        var random = SeededRandom(seed: 2_020)
        let phrases = DemoContent.thisYear.groups.flatMap(\.phrases)
        let tasks = units.enumerated().map { index, unit in
            var roles = TaskRoles()
            roles.leaders = [SyntheticPlan.leaderNames[index % SyntheticPlan.leaderNames.count]]
            roles.leadUnits = [UnitName(name: unit)]
            let text = PhraseTemplate.fill(random.element(of: phrases) ?? "推进重点工作", using: &random) + "。"
            return PlanTask(
                key: "\(index + 1)", number: "\(index + 1)", kind: .task, sections: ["一、重点工作"], text: text,
                roles: roles, line: index + 1)
        }
        return PlanDocument(title: "\(year)年压测区重点工作责任分解方案", issuer: "压测区人民政府办公室", year: year, tasks: tasks)
    }
}

/// Why a surge could not be prepared or run.
enum SurgeError: Error, CustomStringConvertible {
    case tooManyClerks(maximum: Int)
    case planNotImported(expected: Int, found: Int)
    case noToken(String)

    var description: String {
        switch self {
        case .tooManyClerks(let maximum): "at most \(maximum) clerks: the generator names no more units"
        case .planNotImported(let expected, let found):
            "the surge plan should give \(expected) clerks a task each, but \(found) tasks have a unit"
        case .noToken(let page): "\(page) carried no form token"
        }
    }
}
