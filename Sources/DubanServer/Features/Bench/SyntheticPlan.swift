import DubanCore

/// A large plan for the web benchmark: thousands of tasks under a deep heading tree, hundreds of units and a
/// dozen leaders, drawn from the demo's phrase lists so search terms hit as often as in a real plan. Fixed by
/// its seed, so figures from different runs measure the same data.
enum SyntheticPlan {
    static let title = "压测用责任分解方案"

    private static let tops = ["一", "二", "三", "四", "五"]
    private static let subs = ["一", "二", "三", "四", "五", "六", "七", "八"]
    private static let groupsPerSub = 5

    /// The plan as the importer takes it: 5 × 8 × 5 heading groups, the tasks spread evenly over them.
    static func document(tasks taskCount: Int, units unitCount: Int, year: Int = 2026) -> PlanDocument {
        var random = SeededRandom(seed: 5_000)
        let units = unitNames(count: unitCount)
        let phrases = DemoContent.thisYear.groups.flatMap(\.phrases)
        let groupCount = tops.count * subs.count * groupsPerSub
        let perGroup = max(1, (taskCount + groupCount - 1) / groupCount)
        var tasks: [PlanTask] = []
        for top in tops {
            var number = 0
            for sub in subs {
                for group in 1...groupsPerSub {
                    let headings = ["\(top)、第\(top)方面重点工作", "(\(sub))第\(sub)项工作安排", "——工作组\(group)"]
                    var shared = TaskRoles()
                    shared.leaders = random.element(of: leaderNames).map { [$0] } ?? []
                    shared.overallLeadUnits = random.sample(units, count: 1).map { UnitName(name: $0) }
                    for _ in 0..<min(perGroup, taskCount - tasks.count) {
                        number += 1
                        let text = PhraseTemplate.fill(random.element(of: phrases) ?? "", using: &random) + "。"
                        tasks.append(
                            PlanTask(
                                key: "\(top).\(sub).\(number)", number: String(number), kind: .task, sections: headings,
                                text: text, roles: roles(shared, units: units, year: year, using: &random),
                                line: tasks.count + 1))
                    }
                }
            }
        }
        return PlanDocument(title: title, issuer: "压测区人民政府办公室", year: year, tasks: tasks)
    }

    /// One task's roles: the group's leader and 总牵头单位, one lead unit, one to three responsible units, and
    /// for some tasks assisting units and a deadline.
    private static func roles(_ shared: TaskRoles, units: [String], year: Int, using random: inout SeededRandom)
        -> TaskRoles
    {
        var roles = shared
        roles.leadUnits = random.sample(units, count: 1).map { UnitName(name: $0) }
        roles.responsibleUnits = random.sample(units, count: random.int(in: 1...3)).map { UnitName(name: $0) }
        if random.chance(0.3) {
            roles.assistingUnits = random.sample(units, count: random.int(in: 1...2)).map { UnitName(name: $0) }
            roles.deadline = "\(year)年\(random.int(in: 6...12))月底前"
        }
        return roles
    }

    /// Distinct unit names: the demo's bureaus first, then 街道, project offices and park committees named
    /// after invented places.
    static func unitNames(count: Int) -> [String] {
        let firsts = Array("东西南北青白金银柳桂梅兰竹松石云龙凤鹤鹭")
        let seconds = Array("坡湖岸园浦洲岭桥湾山塘港林")
        let places = firsts.flatMap { first in seconds.map { "\(first)\($0)" } }
        let suffixes = ["街道办事处", "片区建设指挥部", "产业园管委会"]
        var names = DemoDirectory.units.filter { $0.kind == .bureau }.map(\.name)
        var index = 0
        while names.count < count, index < places.count * suffixes.count {
            names.append(places[index % places.count] + suffixes[index / places.count])
            index += 1
        }
        return Array(names.prefix(count))
    }

    /// Twelve leaders: enough that each leads many groups.
    static let leaderNames = [
        "林振华", "周建国", "郑婉清", "唐立军", "何晓梅", "许海涛", "陈思远", "罗德明", "谢文静",
        "韩志刚", "冯雪芳", "曹永胜",
    ]
}
