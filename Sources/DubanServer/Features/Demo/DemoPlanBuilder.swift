import Foundation
import DubanCore

/// Turns a blueprint into the plan it describes — a `PlanDocument` for `PlanImporter` — and the text of the
/// document as an office would have issued it (role lines under each numbered task), so task pages can show
/// their source lines. The same seed always gives the same plan.
struct DemoPlanBuilder {
    /// The built plan and its text.
    struct Output: Sendable {
        var document: PlanDocument
        var text: String
    }

    private var random: SeededRandom
    private var lines: [String] = []
    private var tasks: [PlanTask] = []
    private var printedHeadings: [DemoHeading] = []
    private var numberInTop = 0

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// Builds the whole plan.
    mutating func build(_ blueprint: DemoPlanBlueprint) -> Output {
        writePreamble(blueprint)
        for group in blueprint.groups {
            for phrase in group.phrases { addTask(phrase, in: group, year: blueprint.year) }
        }
        lines.append("")
        lines.append("\(DemoDirectory.issuer)  \(Self.chineseDate(blueprint.date))印发")
        let document = PlanDocument(
            title: blueprint.title, issuer: DemoDirectory.issuer, docNumber: blueprint.docNumber,
            date: blueprint.date, year: blueprint.year, tasks: tasks)
        return Output(document: document, text: lines.joined(separator: "\n") + "\n")
    }

    private mutating func writePreamble(_ blueprint: DemoPlanBlueprint) {
        let quoted = blueprint.title.replacingOccurrences(of: "《", with: "〈").replacingOccurrences(of: "》", with: "〉")
        lines += [
            "\(DemoDirectory.issuer)文件", "", blueprint.docNumber, "",
            "区人民政府办公室关于印发\(blueprint.title)的通知", "",
            "各街道办事处，区直各单位：",
            "现将《\(quoted)》印发给你们，请结合实际认真抓好落实。各牵头单位要于每季度结束后5日内将完成情况报区政府督查室。",
            "", DemoDirectory.issuer, Self.chineseDate(blueprint.date), "", blueprint.title, "",
        ]
    }

    private mutating func addTask(_ phrase: String, in group: DemoTaskGroup, year: Int) {
        writeHeadings(group.headings)
        numberInTop += 1
        let roles = roles(for: group, year: year)
        let text = PhraseTemplate.fill(phrase, using: &random) + "。"
        let number = String(numberInTop)
        let key = (group.headings.compactMap(\.marker) + [number]).joined(separator: ".")
        lines.append("\(number).\(text)")
        let line = lines.count
        writeRoleLines(roles)
        tasks.append(
            PlanTask(
                key: key, number: number, kind: group.kind, sections: group.headings.map(\.title),
                text: text, roles: roles, line: line))
    }

    /// Prints the headings that differ from the ones already printed; numbering restarts under a new top heading.
    private mutating func writeHeadings(_ headings: [DemoHeading]) {
        var depth = 0
        while depth < min(headings.count, printedHeadings.count), headings[depth] == printedHeadings[depth] {
            depth += 1
        }
        if depth == 0 { numberInTop = 0 }
        for heading in headings[depth...] {
            let clause = heading.overallLead.isEmpty ? "" : "（总牵头单位：\(heading.overallLead.joined(separator: "、"))）"
            lines += ["", heading.title + clause]
        }
        printedHeadings = headings
    }

    private mutating func roles(for group: DemoTaskGroup, year: Int) -> TaskRoles {
        var roles = TaskRoles()
        roles.leaders = [group.leader]
        roles.overallLeadUnits = (group.headings.last?.overallLead ?? []).map { UnitName(name: $0) }
        let pick: (inout SeededRandom, [String], ClosedRange<Int>) -> [String] = { random, pool, counts in
            group.phrases.count == 1 ? pool : random.sample(pool, count: random.int(in: counts))
        }
        roles.leadUnits = pick(&random, group.lead, random.chance(0.2) ? 2...2 : 1...1).map { UnitName(name: $0) }
        roles.responsibleUnits = pick(&random, group.responsible, 1...3).map { UnitName(name: $0) }
        if group.phrases.count == 1 || random.chance(0.4) {
            roles.assistingUnits = pick(&random, group.assisting, 1...2).map { UnitName(name: $0) }
        }
        if random.chance(group.deadlineChance) {
            roles.deadline = "\(year)年\(random.element(of: [6, 9, 10, 11, 12]) ?? 12)月底前"
        }
        return roles
    }

    private mutating func writeRoleLines(_ roles: TaskRoles) {
        let named: [(String, [UnitName])] = [
            ("牵头单位", roles.leadUnits), ("责任单位", roles.responsibleUnits), ("协办单位", roles.assistingUnits),
        ]
        lines.append("责任领导：" + roles.leaders.joined(separator: "、"))
        for (label, units) in named where !units.isEmpty {
            lines.append("\(label)：" + units.map(\.name).joined(separator: "、"))
        }
        if let deadline = roles.deadline { lines.append("完成时限：\(deadline)") }
    }

    /// "2026-02-12" → "2026年2月12日".
    static func chineseDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }
}
