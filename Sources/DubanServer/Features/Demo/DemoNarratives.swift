import DubanCore
import Foundation

/// The words of the demo's reports: each built from its task's own first words, what was done (a phrase with its
/// own numbers), the figures reported and the next step — so that, as in a real office, most reports read
/// differently from the last quarter's and from other units', and the odd one that repeats itself is what the
/// quality checks are for.
enum DemoNarratives {
    static func text(
        for duty: TaskDuty, period: ReportingPeriod, status: ReportStatus, actuals: [ReportFiling.Actual],
        random: inout SeededRandom
    ) -> String {
        let gist = gist(of: duty.text)
        let done = fill(random.element(of: activities) ?? activities[0], random: &random)
        let figures = actuals.compactMap { actual in
            actual.actual.map { "\(actual.label)\(TaskReportingQuery.format($0))\(actual.unitOfMeasure)" }
        }
        let measured = figures.isEmpty ? "" : "，" + figures.joined(separator: "、")
        let next = random.element(of: nextSteps) ?? nextSteps[0]
        let label = period.shortLabel
        switch status {
        case .completed:
            return "\(label)，\(gist)已全面完成：\(done)\(measured)，相关资料已整理归档。"
        case .onSchedule:
            return "\(label)，\(gist)按计划推进：\(done)\(measured)。\(next)。"
        case .behind:
            let issue = random.element(of: issues) ?? issues[0]
            return "\(label)，\(gist)进度慢于序时：\(done)\(measured)，但\(issue)。已制定追赶措施并报分管领导。"
        case .notStarted:
            return "\(label)，\(gist)尚未开工：正在完善前期手续，\(random.element(of: issues) ?? issues[0])。"
        case .impossible:
            return "经研判，\(gist)本年度难以完成，已向分管领导专题报告并提出调整建议。"
        }
    }

    /// The task's first words, up to its first comma or full stop.
    static func gist(of text: String) -> String {
        let first = text.split(whereSeparator: { "，。；,;".contains($0) }).first.map(String.init) ?? text
        return first.count > 24 ? String(first.prefix(24)) : first
    }

    /// A phrase with its numbers drawn ("召开专题调度会3次").
    private static func fill(_ phrase: String, random: inout SeededRandom) -> String {
        phrase.replacingOccurrences(of: "{n}", with: String(random.int(in: 2...9)))
            .replacingOccurrences(of: "{m}", with: String(random.int(in: 3...60) * 10))
    }

    static let activities = [
        "召开专题调度会{n}次，逐项研究解决推进中的问题", "组织现场督导{n}次，对照节点倒排工期",
        "与配合单位建立周例会机制，协调解决事项{n}项", "完成资金申报，争取上级支持资金{m}万元",
        "完成实地踏勘和方案论证，办结前期手续{n}项", "开展政策宣传和入户走访{n}轮，群众知晓率明显提升",
        "建立工作台账，实行销号管理，已销号{n}项", "完成招标采购，签订合同{n}份",
        "组织业务培训{n}场，参训{m}人次", "对接重点企业和项目{n}个，跟踪解决诉求",
    ]

    static let nextSteps = [
        "下一步将加快推进剩余工作，确保按期完成", "下阶段重点做好验收准备和资料归档",
        "后续将加强与配合单位的协调，压实各方责任", "下季度计划完成主体工作量的七成以上",
        "将持续跟踪调度，及时解决新出现的问题", "下一步将对照年度目标查漏补缺，确保全年任务完成",
    ]

    static let issues = [
        "项目用地报批手续尚在办理", "上级资金尚未全部下达", "受施工季节影响工期有所延后",
        "涉及多部门协调，方案仍在征求意见", "部分点位群众意见不一，正在做工作",
    ]
}
