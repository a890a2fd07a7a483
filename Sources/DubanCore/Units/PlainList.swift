/// The fast reading of a plain unit list; see `UnitNames.read`.
enum PlainList {
    /// A space counts too: between two complete names with their own level prefix it always separates
    /// (table cells list units that way); anything less certain fails `plainName` and takes the grammar.
    private static let separators: Set<Unicode.Scalar> = ["、", "，", ",", "；", ";", " "]

    /// The units, or nil when the list is not plain and needs the full grammar.
    static func units(in text: String) -> [UnitName]? {
        var units: [UnitName] = []
        var seen = Set<String>()
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if separators.contains(scalar) {
                guard let unit = plainName(current) else { return nil }
                if seen.insert(unit.name).inserted { units.append(unit) }
                current = String.UnicodeScalarView()
            } else if CharacterClass.isHan(scalar) {
                current.append(scalar)
            } else {
                return nil
            }
        }
        guard let last = plainName(current) else { return nil }
        if seen.insert(last.name).inserted { units.append(last) }
        return units
    }

    /// True when a 和 / 及 / 与 in the name follows a complete name, where the grammar would split it
    /// ("区财政局和区审计局"); inside a name ("区住房和城乡建设局") it does not.
    private static func splitsAtConjunction(_ scalars: String.UnicodeScalarView) -> Bool {
        var prefix = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar == "和" || scalar == "及" || scalar == "与", NameShape.isComplete(String(prefix)) { return true }
            prefix.append(scalar)
        }
        return false
    }

    /// One plain name: Han characters only, nothing to trim, nothing to complete from a neighbour.
    private static func plainName(_ scalars: String.UnicodeScalarView) -> UnitName? {
        guard (2...40).contains(scalars.count) else { return nil }
        let name = String(scalars)
        if splitsAtConjunction(scalars) { return nil }
        if UnitVocabulary.dutyEndings.contains(where: { name.bytesHasSuffix($0) }) { return nil }
        if UnitVocabulary.etceteraEndings.contains(where: { name.bytesHasSuffix($0) }) { return nil }
        let collective = NameShape.isCollective(name)
        guard collective || (NameShape.levelPrefix(of: name) != nil && NameShape.ending(of: name) == .organisation)
        else { return nil }
        return UnitName(name: name, aliases: [], isCollective: collective)
    }
}
