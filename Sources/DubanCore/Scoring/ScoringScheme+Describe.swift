extension ScoringScheme {
    /// The scheme as Chinese sentences for the rules page, in the order units meet it: the scores, the role
    /// weights, each rule in use, then who is not scored and what is never scored. `cycle` names the plan's
    /// reports ("季度报告", "月度报告").
    public func describe(cycle: ReportingCycle = .quarterly) -> [String] {
        let weights = AssignmentRole.allCases.map { "\($0.label)\(ScoreNumber.weightText(roleWeights[$0]))" }
        var sentences = [
            "基础分\(Self.text(base))分，最低\(Self.text(floor))分，最高\(Self.text(cap))分。",
            "扣分和加分按单位在任务中的职责计权：\(weights.joined(separator: "，"))。",
        ]
        let report = cycle == .monthly ? "月度报告" : "季度报告"
        for kind in ScoringRuleKind.allCases where rule(kind).isInUse {
            sentences.append(rule(kind).describe(as: kind, report: report))
        }
        sentences.append("本期未承担任务的单位不纳入考核。")
        sentences.append("每项扣分、加分均注明所依据的任务、报告和日期；只考核单位，不对个人排名，不以考勤、在线时长等计分。")
        return sentences
    }

    /// A scheme number at its full precision, without trailing zeros.
    public static func text(_ value: Double) -> String {
        ScoreNumber.text(schemeUnits: ScoreNumber.fixed(value, scale: ScoreNumber.schemeScale))
    }
}

extension ScoringRule {
    /// One rule as a sentence: "季度报告逾期1至3天扣0.5分，4至7天扣1分，8天以上扣2分。"
    func describe(as kind: ScoringRuleKind, report: String) -> String {
        let subject = kind.subject(report: report)
        let verb = kind.verb
        var sentence: String
        if !bands.isEmpty {
            let parts = bands.sorted { $0.from < $1.from }.map { band in
                band.points == 0
                    ? "\(band.daysText)不\(verb)分" : "\(band.daysText)\(verb)\(ScoringScheme.text(band.points))分"
            }
            sentence = subject + parts.joined(separator: "，")
        } else if let perDays, perDays > 1 {
            sentence = subject + "每\(perDays)天\(verb)\(ScoringScheme.text(points))分（不足\(perDays)天按\(perDays)天计）"
        } else if perDays != nil {
            sentence = subject + "每天\(verb)\(ScoringScheme.text(points))分"
        } else {
            sentence = subject + (kind.isLateness ? "报送" : "") + "\(verb)\(ScoringScheme.text(points))分"
        }
        if let periodLimit {
            sentence += "，每期累计最多\(verb)\(ScoringScheme.text(periodLimit))分"
        }
        return sentence + "。"
    }
}
