@testable import DubanServer
import Foundation
import Testing

/// The policy as a pure function: every role and action, ownership by government and unit — no HTTP.
@Suite("Policy")
struct PolicyTests {
    static let government = UUID()
    static let ownUnit = UUID()
    static let otherUnit = UUID()
    static let leader = UUID()

    static func principal(_ role: UserRole) -> Principal {
        Principal(
            role: role, governmentID: government, unitID: role == .clerk ? ownUnit : nil,
            leaderID: role == .leader ? leader : nil)
    }

    /// Role (nil: nobody signed in) × action → decision, on the principal's own government.
    static let table: [(UserRole?, PolicyAction, PolicyDecision)] = [
        (nil, .read, .signIn), (nil, .mergeUnits, .signIn), (nil, .manageUsers, .signIn),
        (nil, .viewAuditLog, .signIn), (nil, .manageOwnAccount, .signIn), (nil, .actOnTask, .signIn),
        (.admin, .read, .allow), (.admin, .mergeUnits, .allow), (.admin, .manageUsers, .allow),
        (.admin, .viewAuditLog, .allow), (.admin, .manageOwnAccount, .allow),
        (.clerk, .read, .allow), (.clerk, .mergeUnits, .forbid), (.clerk, .manageUsers, .forbid),
        (.clerk, .viewAuditLog, .forbid), (.clerk, .manageOwnAccount, .allow),
        (.leader, .read, .allow), (.leader, .mergeUnits, .forbid), (.leader, .manageUsers, .forbid),
        (.leader, .viewAuditLog, .forbid), (.leader, .manageOwnAccount, .allow),
        (.viewer, .read, .allow), (.viewer, .mergeUnits, .forbid), (.viewer, .manageUsers, .forbid),
        (.viewer, .viewAuditLog, .forbid), (.viewer, .manageOwnAccount, .allow),
        // 督查 rounds: everyone but a clerk, who reads its own findings from its desk.
        (nil, .readRounds, .signIn), (.admin, .readRounds, .allow), (.clerk, .readRounds, .forbid),
        (.leader, .readRounds, .allow), (.viewer, .readRounds, .allow),
        // The ranking of units: the 督查室 and leaders; a clerk reads its own unit's score only.
        (nil, .readScores, .signIn), (.admin, .readScores, .allow), (.clerk, .readScores, .forbid),
        (.leader, .readScores, .allow), (.viewer, .readScores, .forbid),
    ]

    @Test("Each role may do what its description says, and nothing without signing in", arguments: table)
    func roleActions(role: UserRole?, action: PolicyAction, expected: PolicyDecision) {
        #expect(Policy.decide(role.map(Self.principal), action) == expected)
    }

    /// Role × the units holding a task → whether the role may act on it.
    static let taskTable: [(UserRole, Set<UUID>, PolicyDecision)] = [
        (.admin, [otherUnit], .allow),
        (.clerk, [ownUnit], .allow),
        (.clerk, [otherUnit, ownUnit], .allow),
        (.clerk, [otherUnit], .forbid),
        (.clerk, [], .forbid),
        (.leader, [], .forbid),
        (.viewer, [ownUnit], .forbid),
    ]

    @Test("A clerk acts only on tasks its own unit holds; leaders and viewers on none", arguments: taskTable)
    func actingOnTasks(role: UserRole, units: Set<UUID>, expected: PolicyDecision) {
        let task = Ownership(governmentID: Self.government, unitIDs: units)
        #expect(Policy.decide(Self.principal(role), .actOnTask, on: task) == expected)
    }

    @Test("A clerk without a unit acts on no task")
    func clerkWithoutUnit() {
        let clerk = Principal(role: .clerk, governmentID: Self.government)
        let task = Ownership(governmentID: Self.government, unitIDs: [Self.ownUnit])
        #expect(Policy.decide(clerk, .actOnTask, on: task) == .forbid)
    }

    @Test(
        "Another government's records are hidden from every role, the administrator included",
        arguments: UserRole.allCases)
    func otherGovernmentHidden(role: UserRole) {
        let foreign = Ownership(governmentID: UUID(), unitIDs: [Self.ownUnit])
        for action in [PolicyAction.read, .mergeUnits, .actOnTask, .manageUsers] {
            #expect(Policy.decide(Self.principal(role), action, on: foreign) == .hide, "\(action)")
        }
    }

    @Test("allows is true exactly when the decision is allow")
    func allows() {
        #expect(Policy.allows(Self.principal(.admin), .manageUsers))
        #expect(!Policy.allows(Self.principal(.viewer), .manageUsers))
        #expect(!Policy.allows(nil, .read))
    }
}
