import DubanCore
import Testing

/// Which units file a task's report under each reporter rule, including the fallbacks when a role is empty.
@Suite("Reporters")
struct ReporterTests {
    static func roles(overall: Bool = false, lead: Bool = false, responsible: Bool = false) -> TaskRoles {
        var roles = TaskRoles()
        if overall { roles.overallLeadUnits = [UnitName(name: "区发改局")] }
        if lead { roles.leadUnits = [UnitName(name: "区经信局")] }
        if responsible { roles.responsibleUnits = [UnitName(name: "区财政局")] }
        roles.assistingUnits = [UnitName(name: "区统计局")]
        return roles
    }

    @Test("The named role reports when the task has it")
    func namedRole() {
        let all = Self.roles(overall: true, lead: true, responsible: true)
        #expect(ReportingRules.Reporter.overallLead.reportingRole(for: all) == .overallLead)
        #expect(ReportingRules.Reporter.lead.reportingRole(for: all) == .lead)
        #expect(ReportingRules.Reporter.responsible.reportingRole(for: all) == .responsible)
    }

    @Test("Without it: more specific roles first, then broader ones; assisting units never report")
    func fallbacks() {
        #expect(
            ReportingRules.Reporter.overallLead.reportingRole(for: Self.roles(lead: true, responsible: true)) == .lead)
        #expect(ReportingRules.Reporter.lead.reportingRole(for: Self.roles(responsible: true)) == .responsible)
        #expect(ReportingRules.Reporter.lead.reportingRole(for: Self.roles(overall: true)) == .overallLead)
        #expect(ReportingRules.Reporter.responsible.reportingRole(for: Self.roles(overall: true, lead: true)) == .lead)
        #expect(ReportingRules.Reporter.lead.reportingRole(for: Self.roles()) == nil)
    }

    @Test("Stored under the assignment roles' raw values")
    func rawValues() {
        #expect(
            ReportingRules.Reporter.allCases.map(\.rawValue) == ReportingRules.Reporter.allCases.map(\.role.rawValue))
    }
}
