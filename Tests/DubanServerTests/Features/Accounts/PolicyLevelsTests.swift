@testable import DubanServer
import Foundation
import Testing

/// The policy across levels: a city's offices read what lies below them and act on none of it; a district reads
/// what was handed down to it; siblings and strangers see nothing.
@Suite("Policy across levels")
struct PolicyLevelsTests {
    static let city = UUID()
    static let district = UUID()
    static let sibling = UUID()
    static let cityUnit = UUID()
    static let districtUnit = UUID()

    static func cityPrincipal(_ role: UserRole, unit: UUID? = nil) -> Principal {
        Principal(
            role: role, governmentID: city, unitID: role == .clerk ? unit ?? cityUnit : nil,
            subordinateGovernmentIDs: [district, sibling])
    }

    /// A district task localising the city unit's task.
    static let districtTask = Ownership(governmentID: district, unitIDs: [districtUnit], parentUnitIDs: [cityUnit])
    static let reading: [PolicyAction] = [.read, .readReports, .readRounds, .readScores]
    static let acting: [PolicyAction] = [
        .actOnTask, .manageUnit, .superviseReporting, .instruct, .importPlans, .viewContacts, .mergeUnits,
    ]

    @Test("The city's 督查室 and leaders read a district's records and act on none of them")
    func cityOffice() {
        for role in [UserRole.admin, .leader] {
            for action in Self.reading {
                #expect(
                    Policy.decide(Self.cityPrincipal(role), action, on: Self.districtTask) == .allow,
                    "\(role) \(action)")
            }
            for action in Self.acting {
                #expect(
                    Policy.decide(Self.cityPrincipal(role), action, on: Self.districtTask) == .forbid,
                    "\(role) \(action)")
            }
        }
        #expect(Policy.decide(Self.cityPrincipal(.viewer), .readReports, on: Self.districtTask) == .allow)
        #expect(Policy.decide(Self.cityPrincipal(.viewer), .readScores, on: Self.districtTask) == .forbid)
    }

    @Test("A city clerk reads the reports on tasks localising its unit's task, nothing else below")
    func cityClerk() {
        #expect(Policy.decide(Self.cityPrincipal(.clerk), .readReports, on: Self.districtTask) == .allow)
        #expect(Policy.decide(Self.cityPrincipal(.clerk), .actOnTask, on: Self.districtTask) == .forbid)
        let unrelated = Ownership(governmentID: Self.district, unitIDs: [Self.districtUnit])
        #expect(Policy.decide(Self.cityPrincipal(.clerk), .readReports, on: unrelated) == .hide)
        #expect(Policy.decide(Self.cityPrincipal(.clerk, unit: UUID()), .read, on: Self.districtTask) == .hide)
    }

    @Test(
        "A district reads the city task handed down to it; its sibling and strangers see nothing",
        arguments: UserRole.allCases)
    func districtAndSibling(role: UserRole) {
        let handedDown = Ownership(
            governmentID: Self.city, unitIDs: [Self.cityUnit], childGovernmentIDs: [Self.district])
        let districtUser = Principal(role: role, governmentID: Self.district, unitID: Self.districtUnit)
        #expect(Policy.decide(districtUser, .read, on: handedDown) == .allow)
        #expect(Policy.decide(districtUser, .readReports, on: handedDown) == .forbid)
        let siblingUser = Principal(role: role, governmentID: Self.sibling, unitID: Self.districtUnit)
        for action in Self.reading + Self.acting {
            #expect(Policy.decide(siblingUser, action, on: Self.districtTask) == .hide, "\(action)")
            #expect(Policy.decide(siblingUser, action, on: handedDown) == .hide, "\(action)")
        }
        let districtAbove = Principal(role: role, governmentID: Self.district, subordinateGovernmentIDs: [])
        #expect(Policy.decide(districtAbove, .read, on: Ownership(governmentID: Self.city)) == .hide)
    }
}
