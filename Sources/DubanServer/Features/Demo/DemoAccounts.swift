import Fluent
import Foundation

/// The demo's sign-in accounts, one for each kind of user, created through `UserAccounts` like any other
/// account. The demo is a local showcase, so the password is public by design: `duban demo` prints it.
enum DemoAccounts {
    /// One demo login.
    struct Entry: Sendable {
        var username: String
        var displayName: String
        var role: UserRole
        /// The unit a clerk acts for, by full name.
        var unitName: String? = nil
        /// The leader a leader account is, by name.
        var leaderName: String? = nil
        /// The government's full name when it is not the demo district: the city, or the second district.
        var government: String? = nil
    }

    /// The password of every demo account.
    static let password = "qingxi-2026"

    static let entries: [Entry] = [
        Entry(username: "admin", displayName: "督查室 王敏", role: .admin),
        Entry(username: "fagai", displayName: "区发改局 李娜", role: .clerk, unitName: "区发展和改革局"),
        Entry(username: "zhoujianguo", displayName: "周建国", role: .leader, leaderName: "周建国"),
        Entry(username: "viewer", displayName: "查看账号", role: .viewer),
        Entry(username: "shi", displayName: "市督查室 陈静", role: .admin, government: DemoCascade.cityName),
        Entry(
            username: "shi-zhujian", displayName: "市住建局 赵磊", role: .clerk, unitName: "市住房和城乡建设局",
            government: DemoCascade.cityName),
        Entry(username: "baisha", displayName: "白沙区督查室 吴涛", role: .admin, government: DemoCascade.districtName),
    ]

    /// Creates the demo accounts not there yet (all of them on a fresh demo; the missing ones on a demo file made
    /// before they existed) — the district's in `governmentID`, the others in their government when the file has
    /// it; returns how many were created.
    @discardableResult
    static func ensure(governmentID districtID: UUID, database: any Database, hasher: PasswordHashing) async throws
        -> Int
    {
        let existing = Set(try await User.query(on: database).all(\.$username))
        let accounts = UserAccounts(database: database, hasher: hasher)
        var created = 0
        for entry in entries where !existing.contains(entry.username) {
            var governmentID = districtID
            if let name = entry.government {
                guard let other = try await Government.query(on: database).filter(\.$name == name).first() else {
                    continue
                }
                governmentID = try other.requireID()
            }
            let new = UserAccounts.NewUser(
                username: entry.username, displayName: entry.displayName, password: password, role: entry.role,
                unitID: try await unitID(named: entry.unitName, governmentID: governmentID, on: database),
                leaderID: try await leaderID(named: entry.leaderName, governmentID: governmentID, on: database))
            try await accounts.create(new, governmentID: governmentID)
            created += 1
        }
        return created
    }

    /// The lines `duban demo` prints: who can sign in, and as what.
    static var loginLines: [String] {
        let width = entries.map(\.username.count).max() ?? 0
        return ["Sign in with one of these accounts (password \(password) for all):"]
            + entries.map { entry in
                let name = entry.username.padding(toLength: width, withPad: " ", startingAt: 0)
                let place = entry.government.map { " · " + String($0.prefix(3)) } ?? ""
                let scope = [entry.unitName, entry.leaderName].compactMap { $0 }.first.map { " · \($0)" } ?? ""
                return "  \(name)  \(entry.role.label)\(place)\(scope)"
            }
    }

    private static func unitID(named name: String?, governmentID: UUID, on database: any Database) async throws
        -> UUID?
    {
        guard let name else { return nil }
        let unit = try await Unit.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$name == name).first()
        return try unit?.requireID()
    }

    private static func leaderID(named name: String?, governmentID: UUID, on database: any Database) async throws
        -> UUID?
    {
        guard let name else { return nil }
        let leader = try await Leader.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$name == name).first()
        return try leader?.requireID()
    }
}
