/// A trailing bracket that holds only unit names, with no label: "1.地区生产总值增长7%左右。（市发展改革委，
/// 各县〔市、区〕政府）". Many provincial and city plans write roles this way; the first unit leads — where
/// the notice says so, and otherwise by the common convention, which the reader then flags for checking.
enum BareUnitList {
    /// The start of the warning a task read this way carries; dropped where the notice states the rule.
    static let inferredLeadPrefix = "未标明牵头单位"

    /// The warning: which task, and which unit was taken as its lead.
    static func inferredLeadWarning(number: String, lead: String) -> String {
        "\(inferredLeadPrefix)：任务 \(number) 的括号中只列了单位，已按惯例将第一个单位“\(lead)”作为牵头单位，请核对"
    }

    /// The units, when every item of `text` reads as a unit: complete names that say where they belong (a
    /// level such as 市/区/县/省, a collective such as 各…/相关…) or end as an organisation. Nil for anything
    /// else — a count, a date, a remark.
    static func units(in text: Substring) -> [UnitName]? {
        let compact = text.filter { !CharacterClass.isSpace($0) }
        guard compact.count >= 3, compact.count <= 400,
            !compact.contains(where: { ":：。".contains($0) || CharacterClass.digitValue($0) != nil })
        else { return nil }
        let raw = ListLexer.splitTopLevel(String(compact), on: ["、", "，", ",", "；", ";"])
        guard !raw.isEmpty, raw.allSatisfy(looksLikeUnit) else { return nil }
        let units = UnitNames.parseList(String(compact))
        guard !units.isEmpty else { return nil }
        return units
    }

    /// One item as written: a complete name of a unit, not a verb phrase or a note.
    private static func looksLikeUnit(_ item: String) -> Bool {
        let name = item.trimmingCharacters(in: "等")
        guard name.count >= 2, name.count <= 40, !BracketExtractor.isNote(name) else { return false }
        if UnitVocabulary.collectiveStarts.contains(where: { name.bytesHasPrefix($0) }) { return true }
        guard NameShape.isComplete(BracketExtractor.outerText(name)) else { return false }
        // Words that make an item a phrase about work, not the name of a unit.
        let phrases = ["推进", "完成", "实施", "加强", "建设", "开展", "落实", "负责", "牵头", "配合", "提升", "以上", "左右"]
        return !phrases.contains { name.bytesContain($0) }
    }
}
