/// Roles a heading itself states in words, for every task beneath it: "一、朱伟县长牵头重点工作",
/// "（二）李明副市长负责的工作", "一、县示范区管委会牵头工作(8项)", "二、市发展改革委牵头的工作".
///
/// Plans grouped by leader or by lead unit name them once on the group's heading, not on each task.
enum HeadingRoles {
    /// Official titles a leader heading names after the person ("县长", "常务副市长").
    private static let titles: [String] = [
        "常务副省长", "常务副市长", "常务副区长", "常务副县长", "常务副州长", "常务副旗长",
        "副省长", "副市长", "副区长", "副县长", "副州长", "副旗长", "副镇长", "副乡长", "副主任",
        "省长", "市长", "区长", "县长", "州长", "旗长", "镇长", "乡长", "主任", "书记", "秘书长",
        "市长助理", "县长助理", "区长助理",
    ]

    /// The verbs that make the heading a statement of who is in charge.
    private static let verbs: [String] = ["亲自牵头", "牵头负责", "牵头抓总", "主抓", "牵头", "负责", "领衔", "分管", "联系"]

    /// What follows the verb in such a heading: work, tasks or matters, and a count.
    private static let objects: [String] = ["重点工作", "工作任务", "重点任务", "工作", "任务", "事项", "项目"]

    /// The roles the heading states; empty when it states none.
    static func read(_ heading: String) -> TaskRoles {
        var roles = TaskRoles()
        let text = heading.filter { !$0.isWhitespace }
        guard let (subject, _) = subjectBeforeVerb(text) else { return roles }
        if let leader = leaderName(in: subject) {
            roles.leaders = [leader]
        } else if NameShape.isComplete(subject), subject.count >= 3, subject.count <= 24,
            !subject.contains(where: { "，,。；;：:".contains($0) })
        {
            roles.leadUnits = UnitNames.parseList(subject)
        }
        return roles
    }

    /// The words before "牵头/负责…", when the rest of the heading is only "(的)(重点)工作" and a count.
    private static func subjectBeforeVerb(_ text: String) -> (String, String)? {
        for verb in verbs {
            guard let range = text.range(of: verb) else { continue }
            let subject = String(text[..<range.lowerBound])
            var rest = Substring(text[range.upperBound...])
            if rest.hasPrefix("的") { rest = rest.dropFirst() }
            guard let object = objects.first(where: { rest.hasPrefix($0) }) else { continue }
            rest = rest.dropFirst(object.count)
            // Only a count may follow: "(8项)", "（共12项）".
            let tail = rest.filter { !"()（）共项件个条0123456789０１２３４５６７８９".contains($0) }
            guard tail.isEmpty, !subject.isEmpty else { continue }
            return (subject, verb)
        }
        return nil
    }

    /// "朱伟县长" → 朱伟: a name of two to four Han characters before an official title.
    private static func leaderName(in subject: String) -> String? {
        for title in titles where subject.hasSuffix(title) {
            let name = subject.dropLast(title.count)
            guard (2...4).contains(name.count), name.allSatisfy(CharacterClass.isHan) else { return nil }
            return String(name)
        }
        return nil
    }
}
