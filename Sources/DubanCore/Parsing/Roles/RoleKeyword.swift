/// The labels documents put in front of leaders, units and deadlines, mapped to the role they announce.
///
/// This is vocabulary, not layout: every layout (inline parenthesis, separate line, table column, heading)
/// recognises a role through this one table, so supporting another government's wording is one line here.
enum RoleKeyword: Sendable, Equatable {
    case leaders
    case overallLead
    case lead
    case responsible
    case assisting
    case deadline

    /// Keywords longest first, so "总牵头单位" is tried before "牵头单位".
    static let vocabulary: [(String, RoleKeyword)] = [
        ("总牵头单位", .overallLead), ("总牵头部门", .overallLead),
        ("分管省领导", .leaders), ("分管市领导", .leaders), ("分管区领导", .leaders), ("分管县领导", .leaders),
        ("责任区领导", .leaders), ("责任市领导", .leaders), ("联系区领导", .leaders), ("联系市领导", .leaders),
        ("牵头区领导", .leaders), ("牵头市领导", .leaders),
        ("分管省(市、区)领导", .leaders), ("分管省（市、区）领导", .leaders), ("牵头负责领导", .leaders),
        ("牵头省领导", .leaders), ("牵头县领导", .leaders), ("责任省领导", .leaders), ("责任县领导", .leaders),
        ("联系省领导", .leaders), ("联系县领导", .leaders),
        ("分管负责同志", .leaders), ("责任领导", .leaders), ("分管领导", .leaders), ("牵头领导", .leaders),
        ("联系领导", .leaders), ("包保领导", .leaders), ("领衔领导", .leaders),
        ("牵头负责单位", .lead), ("牵头负责部门", .lead), ("牵头责任单位", .lead), ("牵头责任部门", .lead),
        ("牵头单位", .lead), ("牵头部门", .lead), ("主办单位", .lead), ("主责单位", .lead), ("主责部门", .lead),
        ("牵头处室", .lead), ("牵头科室", .lead),
        ("主要责任单位", .responsible), ("具体责任单位", .responsible), ("责任处室", .responsible),
        ("责任科室", .responsible), ("责任主体", .responsible),
        ("责任单位", .responsible), ("责任部门", .responsible), ("承办单位", .responsible),
        ("落实单位", .responsible), ("实施单位", .responsible), ("部门分工", .responsible),
        ("协办单位", .assisting), ("配合单位", .assisting), ("协助单位", .assisting), ("参与单位", .assisting),
        ("配合部门", .assisting), ("协办部门", .assisting), ("协同单位", .assisting), ("协同责任单位", .assisting),
        ("协同部门", .assisting), ("配合处室", .assisting), ("参与部门", .assisting),
        ("完成时限", .deadline), ("完成时间", .deadline), ("时间节点", .deadline), ("完成期限", .deadline),
        ("时限要求", .deadline),
    ]

    /// Traditional forms of the characters used in the keywords, so plans in Traditional script read the same.
    private static let traditional: [Character: Character] = [
        "責": "责", "單": "单", "領": "领", "導": "导", "牽": "牵", "頭": "头", "協": "协", "辦": "办",
        "總": "总", "門": "门", "時": "时", "間": "间", "與": "与", "參": "参", "負": "负", "聯": "联",
        "繫": "系", "實": "实", "務": "务", "區": "区", "縣": "县", "節": "节", "點": "点", "體": "体",
        "處": "处", "職": "职", "級": "级",
    ]

    /// Maps Traditional keyword characters to Simplified; other characters pass through.
    static func simplified(_ text: some StringProtocol) -> String {
        String(text.map { traditional[$0] ?? $0 })
    }

    /// First characters of every keyword, Simplified and Traditional: most lines are rejected on one lookup.
    private static let initials: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>()
        for (word, _) in vocabulary { if let first = word.unicodeScalars.first { set.insert(first) } }
        for (traditional, simplified) in traditional where set.contains(simplified.unicodeScalars.first ?? " ") {
            if let scalar = traditional.unicodeScalars.first { set.insert(scalar) }
        }
        return set
    }()

    /// When `text` starts with a keyword followed by a colon (either width), the role and the rest after the colon.
    static func leadingLabel(in text: Substring) -> (RoleKeyword, Substring)? {
        guard let first = text.unicodeScalars.first, initials.contains(first) else { return nil }
        let head = simplified(text.prefix(12))
        for (word, role) in vocabulary where head.bytesHasPrefix(word) {
            var rest = text.dropFirst(word.count).drop { CharacterClass.isSpace($0) }
            guard let colon = rest.first, colon == ":" || colon == "：" else { continue }
            rest = rest.dropFirst()
            return (role, rest)
        }
        return nil
    }
}
