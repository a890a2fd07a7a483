/// Drafts a 督查通报 from the facts in the skeleton real bulletins follow — 一、总体情况 (counts and shares by
/// kind, with the 序时 rule stated), 二、进展滞后和存在问题 (each task with its units, figure, target and gap), 表扬,
/// 三、下一步要求 — and its 附件 tables of tasks behind and on 序时, unit by unit.
public enum BulletinComposer {
    /// The first draft.
    public static func draft(_ facts: BulletinFacts) -> BulletinContent {
        BulletinContent(
            overall: overall(facts), laggards: laggards(facts), findings: findings(facts),
            findingLines: findingLines(facts), praise: praise(facts).paragraph, praised: praise(facts).lines,
            requirements: defaultRequirements, quality: quality(facts), qualityLines: qualityLines(facts))
    }

    /// The draft with its numbers drawn again from newer facts: the generated blocks are replaced, the
    /// requirements kept, and a line the 督查室 left out stays out if it is still there.
    public static func refreshed(_ content: BulletinContent, with facts: BulletinFacts) -> BulletinContent {
        var fresh = draft(facts)
        fresh.requirements = content.requirements
        func keepChoices(_ lines: [BulletinContent.Line], from old: [BulletinContent.Line]) -> [BulletinContent.Line] {
            let dropped = Set(old.filter { !$0.kept }.map { $0.taskID + "|" + $0.unitIDs.joined(separator: ",") })
            return lines.map { line in
                var line = line
                line.kept = !dropped.contains(line.taskID + "|" + line.unitIDs.joined(separator: ","))
                return line
            }
        }
        fresh.laggards = keepChoices(fresh.laggards, from: content.laggards)
        fresh.findingLines = keepChoices(fresh.findingLines, from: content.findingLines)
        fresh.praised = keepChoices(fresh.praised, from: content.praised)
        fresh.qualityLines = keepChoices(fresh.qualityLines, from: content.qualityLines)
        return fresh
    }

    /// What 三、下一步要求 says until the 督查室 writes its own.
    public static let defaultRequirements = """
        （一）对照目标抓推进。各责任单位要对照年度目标任务，逐项分析进展情况，对进展滞后的任务制定追赶措施，明确时间节点，确保按序时推进。
        （二）聚焦问题抓整改。通报中点名的单位要在5个工作日内将整改措施书面报送督查室，督查室将跟踪督办，逾期未整改的纳入绩效考核扣分。
        （三）实事求是报进展。各单位要如实、按时报送完成情况，量化指标要报数据，不得照搬照抄、以文代干。
        """

    /// 一、总体情况: counts by standing overall and by kind, the share done or on pace, and the 序时 rule.
    static func overall(_ facts: BulletinFacts) -> String {
        let tasks = facts.tasks
        guard !tasks.isEmpty else { return "截至\(facts.asOf)，\(quoted(facts.planTitle))暂无需要报送的任务。" }
        let counts = count(tasks)
        let good = (counts[.completed] ?? 0) + (counts[.onPace] ?? 0)
        var text = "截至\(facts.asOf)，\(quoted(facts.planTitle))确定的\(tasks.count)项任务中，"
        text += standingPhrase(counts) + "，已完成和按序时推进的占\(percent(good, of: tasks.count))%。"
        let kinds = TaskKind.allCases.filter { kind in tasks.contains { $0.kind == kind } }
        if kinds.count > 1 {
            let parts = kinds.map { kind -> String in
                let ofKind = tasks.filter { $0.kind == kind }
                return "\(kind.label)\(ofKind.count)项（" + standingPhrase(count(ofKind)) + "）"
            }
            text += "其中，" + parts.joined(separator: "；") + "。"
        }
        text += "序时进度按时间进度计算，\(facts.periodLabel)末为\(PaceFigure.text(facts.expectedShare))%；"
        text += "增长率、比例等指标与年度目标直接比较。"
        return text
    }

    /// 二、: each task behind, then each not reported, with its units and what it lacks.
    static func laggards(_ facts: BulletinFacts) -> [BulletinContent.Line] {
        let behind = facts.tasks.filter { $0.standing == .behind }
        let unreported = facts.tasks.filter { $0.standing == .unreported }
        return (behind + unreported).enumerated().map { index, task in
            var text = "（\(index + 1)）第\(task.number)项“\(excerpt(task.text))”（\(names(task.units))）："
            let lagging = task.figures.filter { $0.standing == .behindPace }
            if task.standing == .unreported {
                text += "未按时报送\(facts.periodLabel)完成情况。"
            } else if !lagging.isEmpty {
                text +=
                    lagging.map { "\($0.text)（目标\($0.target)），\($0.gap.replacingOccurrences(of: " ", with: ""))" }
                    .joined(separator: "；") + "。"
            } else {
                text += "进展滞后。"
            }
            if !task.reason.isEmpty { text += "原因：" + task.reason }
            return BulletinContent.Line(text: text, taskID: task.taskID, unitIDs: task.units.map(\.id))
        }
    }

    /// A round's tally of findings; "" for a period bulletin.
    static func findings(_ facts: BulletinFacts) -> String {
        guard let round = facts.roundTitle else { return "" }
        let all = facts.findings
        guard !all.isEmpty else { return "\(round)未发现需要整改的问题。" }
        let closed = all.filter(\.isClosed).count
        let overdue = all.filter(\.isOverdue).count
        var text = "\(round)共发现问题\(all.count)个，已整改销号\(closed)个，正在整改\(all.count - closed)个"
        text += overdue > 0 ? "，其中逾期未整改\(overdue)个：" : "。"
        return text
    }

    /// The findings past their deadline, by unit.
    static func findingLines(_ facts: BulletinFacts) -> [BulletinContent.Line] {
        facts.findings.filter(\.isOverdue).map { finding in
            BulletinContent.Line(
                text: "\(finding.unit.name)：第\(finding.taskNumber)项，\(finding.problem)（整改时限\(finding.due)，已逾期）。",
                taskID: finding.taskID, unitIDs: [finding.unit.id])
        }
    }

    /// The checks' findings on the period's reports, counted by kind; "" when none stands.
    static func quality(_ facts: BulletinFacts) -> String {
        let flags = facts.qualityFlags
        guard !flags.isEmpty else { return "" }
        let kinds = QualityFlagKind.allCases.compactMap { kind -> String? in
            let count = flags.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(kind.label)\(count)份"
        }
        let reports = Set(flags.map { "\($0.taskID)|\($0.unit.id)" }).count
        return "报送质量方面，\(reports)份报告存在问题（\(kinds.joined(separator: "，"))）："
    }

    /// One line per flagged report: its unit, task and what was found.
    static func qualityLines(_ facts: BulletinFacts) -> [BulletinContent.Line] {
        facts.qualityFlags.map { flag in
            BulletinContent.Line(
                text: "\(flag.unit.name)：第\(flag.taskNumber)项，\(flag.kind.label)，\(flag.evidence)。",
                taskID: flag.taskID,
                unitIDs: [flag.unit.id])
        }
    }

    /// 表扬: units all of whose tasks are done or on 序时, on time, with at least one finished early or beyond
    /// its target; one line per such task.
    static func praise(_ facts: BulletinFacts) -> (paragraph: String, lines: [BulletinContent.Line]) {
        var order: [String] = []
        var byUnit: [String: (name: String, tasks: [BulletinFacts.TaskFact])] = [:]
        for task in facts.tasks {
            for unit in task.units {
                if byUnit[unit.id] == nil { order.append(unit.id) }
                byUnit[unit.id, default: (unit.name, [])].tasks.append(task)
            }
        }
        var lines: [BulletinContent.Line] = []
        var praised: [String] = []
        for id in order {
            guard let (name, tasks) = byUnit[id],
                tasks.allSatisfy({ ($0.standing == .completed || $0.standing == .onPace) && $0.daysLate == 0 })
            else { continue }
            let ahead = tasks.filter(\.isAhead)
            guard !ahead.isEmpty else { continue }
            praised.append(name)
            for task in ahead {
                let beyond = task.figures.filter { $0.standing == .exceeded }.map(\.text)
                let why = beyond.isEmpty ? "提前完成" : beyond.joined(separator: "、") + "，超额完成目标"
                lines.append(
                    BulletinContent.Line(
                        text: "\(name)：第\(task.number)项“\(excerpt(task.text))”\(why)。", taskID: task.taskID,
                        unitIDs: [id]))
            }
        }
        guard !praised.isEmpty else { return ("", []) }
        let who =
            praised.count > 5
            ? praised.prefix(5).joined(separator: "、") + "等\(praised.count)个单位" : praised.joined(separator: "、")
        return ("\(who)按时报送、推进有力，所承担任务提前完成或超额完成年度目标，予以通报表扬。", lines)
    }

    /// 附件 tables: the tasks behind 序时 (and not reported), then those done or on 序时, unit by unit.
    public static func annexTables(_ facts: BulletinFacts) -> [(title: String, header: [String], rows: [[String]])] {
        let header = ["单位", "序号", "任务", "进展情况"]
        func rows(_ standings: Set<BulletinFacts.Standing>) -> [[String]] {
            var byUnit: [(name: String, rows: [[String]])] = []
            for task in facts.tasks where standings.contains(task.standing) {
                for unit in task.units {
                    let row = [unit.name, task.number, excerpt(task.text), progress(task)]
                    if let index = byUnit.firstIndex(where: { $0.name == unit.name }) {
                        byUnit[index].rows.append(row)
                    } else {
                        byUnit.append((unit.name, [row]))
                    }
                }
            }
            return byUnit.flatMap(\.rows)
        }
        return [
            ("\(facts.periodLabel)进展滞后（慢于序时）任务清单", header, rows([.behind, .unreported])),
            ("\(facts.periodLabel)按序时推进任务清单", header, rows([.completed, .onPace])),
        ]
    }

    /// A task's progress in an annex cell: its standing, figures and gaps.
    static func progress(_ task: BulletinFacts.TaskFact) -> String {
        var parts = [task.standing.label]
        parts += task.figures.map { figure in
            figure.gap.isEmpty
                ? "\(figure.text)（\(figure.standing.label)）"
                : "\(figure.text)，\(figure.gap.replacingOccurrences(of: " ", with: ""))"
        }
        return parts.joined(separator: "；")
    }

    private static func count(_ tasks: [BulletinFacts.TaskFact]) -> [BulletinFacts.Standing: Int] {
        Dictionary(grouping: tasks, by: \.standing).mapValues(\.count)
    }

    /// "已完成3项，按序时推进20项，进展滞后2项，未报送1项", leaving out the standings with none.
    private static func standingPhrase(_ counts: [BulletinFacts.Standing: Int]) -> String {
        let parts = BulletinFacts.Standing.allCases.compactMap { standing -> String? in
            guard let count = counts[standing], count > 0 else { return nil }
            return "\(standing.label)\(count)项"
        }
        return parts.joined(separator: "，")
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        PaceFigure.text(whole == 0 ? 0 : Double(part) * 100 / Double(whole))
    }

    private static func names(_ units: [BulletinFacts.UnitRef]) -> String {
        units.isEmpty ? "未明确牵头单位" : units.map(\.name).joined(separator: "、")
    }

    private static func quoted(_ title: String) -> String {
        let inner = title.replacingOccurrences(of: "《", with: "〈").replacingOccurrences(of: "》", with: "〉")
        return "《\(inner)》"
    }

    /// A task's first words, for a line.
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined()
        return flat.count > 40 ? String(flat.prefix(40)) + "……" : flat
    }
}
