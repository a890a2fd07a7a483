/// How a leader is written: a person ("吕玉印"), a person after their titles ("珠海市委书记吕玉印"), or only a
/// title ("分管副省长", "协管副秘书长") where the plan names the office, not the person.
enum LeaderName {
    /// What one written leader is.
    enum Reading: Equatable {
        case person(String)
        case title(String)
    }

    /// Titles a leader's name may follow or stand for, longest first.
    static let titles: [String] = [
        "常务副省长", "常务副市长", "常务副区长", "常务副县长", "副秘书长", "秘书长", "副省长", "副市长", "副区长",
        "副县长", "副州长", "副主任", "副书记", "副镇长", "副乡长", "省长", "市长", "区长", "县长", "州长", "旗长",
        "镇长", "乡长", "主任", "书记", "部长", "厅长", "局长", "助理", "巡视员",
    ]

    static func reading(_ written: String) -> Reading {
        var lastEnd: String.Index?
        for title in titles {
            guard let range = written.range(of: title, options: .backwards) else { continue }
            if lastEnd.map({ range.upperBound > $0 }) ?? true { lastEnd = range.upperBound }
        }
        guard let end = lastEnd else { return .person(written) }
        let rest = written[end...]
        if (2...4).contains(rest.count), rest.allSatisfy(CharacterClass.isHan) { return .person(String(rest)) }
        return end == written.endIndex ? .title(written) : .person(written)
    }

    /// True when every item of a list is a leader's title or name-with-title, not a unit.
    static func isLeaderList(_ text: String) -> Bool {
        let items = text.split(whereSeparator: { "、，,".contains($0) }).map(String.init)
        guard !items.isEmpty else { return false }
        return items.allSatisfy { item in
            titles.contains { item.hasSuffix($0) } && !NameShape.isComplete(item)
        }
    }
}
