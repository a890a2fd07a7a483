import DubanCore
import Fluent
import Foundation

/// Loads the benchmark's data through the real import path and finds the ids the requests need.
struct WebBenchLoad {
    /// What the requests point at.
    struct Targets: Sendable {
        var governmentID: UUID
        var planID: UUID
        var unitID: UUID
        /// A task of the busiest unit, for its reporting page.
        var taskID: UUID
        var taskCount: Int
    }

    static let governmentName = "压测区人民政府"
    /// The account the requests sign in with: a 督查室 administrator, who may open every page measured.
    static let username = "bench-admin"
    static let password = "bench-password"

    let database: any Database

    /// Creates the benchmark government with its leaders and a viewer account, and imports the synthetic plan.
    func load(tasks: Int, units: Int) async throws -> Targets {
        let document = SyntheticPlan.document(tasks: tasks, units: units)
        let government = Government(name: Self.governmentName, shortName: "压测区", level: "区")
        try await government.create(on: database)
        let governmentID = try government.requireID()
        let leaders = SyntheticPlan.leaderNames.enumerated().map { position, name in
            Leader(
                governmentID: governmentID, name: name, title: position == 0 ? "区长" : "副区长",
                portfolio: "压测分工", position: position)
        }
        try await leaders.create(on: database)
        // Written directly rather than through `UserAccounts`: a benchmark account is no change worth an audit
        // entry. The lowest bcrypt cost keeps the one sign-in out of the figures.
        let hash = try await PasswordHashing(cost: 4).hash(Self.password)
        try await User(
            governmentID: governmentID, username: Self.username, displayName: "压测", passwordHash: hash,
            role: .admin
        ).create(on: database)
        let plan = try await PlanImporter(database: database).importPlan(document, governmentID: governmentID)
        let busiest = SyntheticPlan.unitNames(count: 1).first ?? ""
        guard let unit = try await Unit.query(on: database).filter(\.$name == busiest).first() else {
            throw WebBenchError.missingUnit(busiest)
        }
        let unitID = try unit.requireID()
        guard let assignment = try await TaskAssignment.query(on: database).filter(\.$unit.$id == unitID).first() else {
            throw WebBenchError.missingUnit(busiest)
        }
        return Targets(
            governmentID: governmentID, planID: try plan.requireID(), unitID: unitID, taskID: assignment.$task.id,
            taskCount: document.tasks.count)
    }
}

/// Why the web benchmark stopped.
enum WebBenchError: Error, CustomStringConvertible {
    /// Runs a benchmark, passing its own errors through; any other error becomes `stopped` with its full text,
    /// since database drivers hide the server's message from `description` and a benchmark run needs it.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as WebBenchError {
            throw error
        } catch {
            throw WebBenchError.stopped(String(reflecting: error))
        }
    }

    case missingUnit(String)
    case databaseNotEmpty
    case noListeningPort
    case signInFailed(String)
    case stopped(String)

    var description: String {
        switch self {
        case .missingUnit(let name): "the synthetic plan's unit \(name) was not imported"
        case .databaseNotEmpty:
            "DATABASE_URL points at a database that already holds a government; the pages would show that one — use an empty database"
        case .noListeningPort: "the server started but reported no listening port"
        case .signInFailed(let reason): "could not sign in before the requests: \(reason)"
        case .stopped(let reason): "the benchmark stopped: \(reason)"
        }
    }
}
