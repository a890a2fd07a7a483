/// The sentences of score lines. Each says what happened, what the rule gives for it, and how the role weight
/// and any period limit turned that into the points counted, so a unit can redo the arithmetic by hand.
enum ScoreSentence {
    /// What one event counted for, before and after weighting and the period limit.
    struct Counting {
        /// The rule's points for the event, in scheme units.
        var raw: Int
        /// The role weight.
        var weight: Double
        /// The weighted points, in hundredths.
        var weighted: Int
        /// The points counted after the period limit, in hundredths.
        var counted: Int
        /// The rule's period limit, in hundredths.
        var limit: Int?
    }

    /// "第12项“全年地区生产总值增长8%左右”：第二季度报告逾期5天（7月25日报送），扣1分（牵头单位，权重1.0，计扣1分）"
    static func event(_ event: ScoringEvent, in item: ScoringItem, counting: Counting) -> String {
        let verb = event.kind.verb
        let task = item.taskLabel.isEmpty ? "第\(item.taskNumber)项" : "第\(item.taskNumber)项“\(item.taskLabel)”"
        var note =
            "\(item.role.label)，权重\(ScoreNumber.weightText(counting.weight))，"
            + "计\(verb)\(ScoreNumber.text(hundredths: counting.weighted))分"
        if counting.counted < counting.weighted, let limit = counting.limit {
            let limitText = "本规则每期最多\(verb)\(ScoreNumber.text(hundredths: limit))分"
            note +=
                counting.counted == 0
                ? "；\(limitText)，已\(verb)满，不再计\(verb)"
                : "；\(limitText)，实计\(verb)\(ScoreNumber.text(hundredths: counting.counted))分"
        }
        let phrase = event.kind.phrase(for: event)
        return "\(task)：\(phrase)，\(verb)\(ScoreNumber.text(schemeUnits: counting.raw))分（\(note)）"
    }

    /// "基础分100分"
    static func base(_ hundredths: Int) -> String {
        "基础分\(ScoreNumber.text(hundredths: hundredths))分"
    }

    /// "扣分后合计-3分，低于最低分0分，按0分计，补计3分"
    static func floor(sum: Int, floor: Int) -> String {
        let floorText = ScoreNumber.text(hundredths: floor)
        return "扣分后合计\(ScoreNumber.text(hundredths: sum))分，低于最低分\(floorText)分，按\(floorText)分计，"
            + "补计\(ScoreNumber.text(hundredths: floor - sum))分"
    }

    /// "加分后合计106.5分，超过最高分105分，按105分计，核减1.5分"
    static func cap(sum: Int, cap: Int) -> String {
        let capText = ScoreNumber.text(hundredths: cap)
        return "加分后合计\(ScoreNumber.text(hundredths: sum))分，超过最高分\(capText)分，按\(capText)分计，"
            + "核减\(ScoreNumber.text(hundredths: sum - cap))分"
    }
}
