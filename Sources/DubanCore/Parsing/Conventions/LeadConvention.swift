/// "排在第一位的为牵头单位": many notices say once that the first unit named for a task leads it, and then list
/// only 责任单位. Where the document says so, the first responsible unit of a task without a lead becomes its
/// lead unit.
enum LeadConvention {
    /// Words that point at the first place in a list.
    private static let firstPlace: [String] = [
        "首位", "第一位", "第一个", "排名第一", "排序第一", "列第一", "排在第一", "排第一", "位列第一", "第一家",
    ]

    /// What the notice says of the units listed for a task.
    enum Rule: Sendable, Equatable {
        /// The first leads; the others stay responsible.
        case firstLeads
        /// The first leads; the others assist ("其他为配合单位").
        case firstLeadsOthersAssist
    }

    /// The rule one line of the document states, if any: the first place and 牵头 (in either script) in one
    /// short statement, as in "列第一位的责任单位为牵头单位" or "(首位单位为牵头单位,下同)".
    static func rule(in lines: some Sequence<SourceLine>) -> Rule? {
        for line in lines {
            let text = RoleKeyword.simplified(line.compact)
            guard text.bytesContain("牵头") else { continue }
            for word in firstPlace {
                guard let range = text.range(of: word) else { continue }
                // The first place and 牵头 within one short statement, not two sentences apart.
                let after = text[range.upperBound...].prefix(40)
                guard after.prefix(16).bytesContain("牵头") else { continue }
                let others = ["其他为配合", "其余为配合", "其他为协办", "其余为协办", "其他单位为配合", "其余单位为配合"]
                return others.contains(where: { after.bytesContain($0) }) ? .firstLeadsOthersAssist : .firstLeads
            }
        }
        return nil
    }

    /// The task with its first responsible unit as lead, when it names responsible units and no lead.
    static func apply(_ rule: Rule, to task: PlanTask) -> PlanTask {
        guard task.roles.leadUnits.isEmpty, task.roles.overallLeadUnits.isEmpty,
            let first = task.roles.responsibleUnits.first, !first.isCollective
        else { return task }
        var task = task
        task.roles.leadUnits = [first]
        task.roles.responsibleUnits.removeFirst()
        if rule == .firstLeadsOthersAssist {
            task.roles.assistingUnits = task.roles.responsibleUnits + task.roles.assistingUnits
            task.roles.responsibleUnits = []
        }
        return task
    }
}
