/// What a sentence on the work plan says: "各责任单位要于2022年2月15日前，将制订的办理方案报送市人民政府督查室".
struct WorkPlanClause {
    var sentence: String
    var date: NoticeDate

    /// Reads a sentence that sends a 方案 by a printed date; nil for any other sentence. Sentences about quarters
    /// are progress reports, not work plans.
    static func read(_ sentence: String) -> WorkPlanClause? {
        guard sentence.contains("方案"), !sentence.contains("季度"), NoticeText.mentionsSending(sentence),
            let date = NoticeDate.all(in: sentence).first(where: \.isDeadline)
        else { return nil }
        return WorkPlanClause(sentence: sentence, date: date)
    }

    /// The due day relative to the plan year.
    func monthDay(planYear: Int?) -> MonthDay? {
        NoticeDate.monthDays([date], planYear: planYear).first
    }
}
