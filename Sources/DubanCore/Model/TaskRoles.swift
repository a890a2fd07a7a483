/// Who answers for a task: leaders and units by role, plus the deadline printed beside them.
///
/// Documents spread this over a trailing parenthesis, separate lines, table columns or an enclosing
/// heading; the parser collects every source into one value and merges them with the rules below.
public struct TaskRoles: Sendable, Equatable, Hashable {
    /// 责任领导 / 分管领导 / 分管区领导 — one name each.
    public var leaders: [String] = []
    /// 总牵头单位 named on an enclosing heading.
    public var overallLeadUnits: [UnitName] = []
    /// 牵头单位.
    public var leadUnits: [UnitName] = []
    /// 责任单位.
    public var responsibleUnits: [UnitName] = []
    /// 协办单位 / 配合单位.
    public var assistingUnits: [UnitName] = []
    /// 完成时间 / 完成时限 as printed.
    public var deadline: String?

    /// Creates an empty set of roles.
    public init() {}

    /// True when no unit of any role is named; such a task cannot be reported on and gets a warning.
    public var hasUnits: Bool {
        !(overallLeadUnits.isEmpty && leadUnits.isEmpty && responsibleUnits.isEmpty && assistingUnits.isEmpty)
    }

    /// True when nothing at all is known.
    public var isEmpty: Bool { !hasUnits && leaders.isEmpty && deadline == nil }

    /// Every unit named in any role, without duplicates, in role order.
    public var allUnits: [UnitName] {
        var seen = Set<String>()
        return (overallLeadUnits + leadUnits + responsibleUnits + assistingUnits).filter {
            seen.insert($0.name).inserted
        }
    }

    /// Adds what `other` names to what is already here (used when one task is listed twice, or its roles are
    /// spread over several lines).
    public mutating func absorb(_ other: TaskRoles) {
        leaders = Self.union(leaders, other.leaders)
        overallLeadUnits = Self.unionUnits(overallLeadUnits, other.overallLeadUnits)
        leadUnits = Self.unionUnits(leadUnits, other.leadUnits)
        responsibleUnits = Self.unionUnits(responsibleUnits, other.responsibleUnits)
        assistingUnits = Self.unionUnits(assistingUnits, other.assistingUnits)
        if deadline == nil { deadline = other.deadline }
    }

    /// Fills each role the task leaves empty from an enclosing heading or a "以上N项" clause; a task's own
    /// statement always wins over an inherited one.
    public mutating func inherit(_ outer: TaskRoles) {
        if leaders.isEmpty { leaders = outer.leaders }
        overallLeadUnits = Self.unionUnits(overallLeadUnits, outer.overallLeadUnits)
        if leadUnits.isEmpty { leadUnits = outer.leadUnits }
        if responsibleUnits.isEmpty { responsibleUnits = outer.responsibleUnits }
        if assistingUnits.isEmpty { assistingUnits = outer.assistingUnits }
        if deadline == nil { deadline = outer.deadline }
    }

    private static func union(_ a: [String], _ b: [String]) -> [String] {
        a + b.filter { !a.contains($0) }
    }

    private static func unionUnits(_ a: [UnitName], _ b: [UnitName]) -> [UnitName] {
        let names = Set(a.map(\.name))
        return a + b.filter { !names.contains($0.name) }
    }
}
