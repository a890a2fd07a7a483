/// Completes the abbreviated items of one 、-group from their neighbours.
///
/// Plans write "区发改、科经、商务局" for three bureaus: the last item lends its organisation suffix to the
/// earlier items that lack one, and the first item lends its level prefix ("区") to later items that lack
/// one. Groups separated by `，` or `；` never share, and collective items neither lend nor borrow.
enum GroupCompleter {
    /// Characters a shared suffix may overlap with the item it completes ("洪山区" + "区人民政府").
    private static let overlappable: [String] = ["街道", "区", "县", "市", "街", "镇", "乡"]
    /// Endings of party bodies, which keep a "区委" prefix ("区委组织部、宣传部"). "委" is left out on
    /// purpose: "发改委" and "卫健委" are government commissions and far more common in mixed groups.
    private static let partyEndings: [String] = ["部", "办", "室", "校"]

    /// The group with suffixes, then prefixes, shared.
    static func complete(_ group: [PendingUnit]) -> [PendingUnit] {
        sharePrefixes(shareSuffixes(group))
    }

    /// Right to left: each item lacking an organisation suffix takes the suffix of the nearest complete
    /// item after it. Place items ("洪山区", "东湖高新区") take only a place organ (人民政府, 管委会 …).
    static func shareSuffixes(_ group: [PendingUnit]) -> [PendingUnit] {
        var result = group
        var suffix: String?
        for index in result.indices.reversed() where !result[index].isCollective && !result[index].base.isEmpty {
            let base = result[index].base
            switch NameShape.ending(of: base) {
            case .organisation:
                suffix = sharedSuffix(of: base)
            case .place:
                if let suffix, UnitVocabulary.placeOrganSuffixes.contains(suffix) {
                    result[index].base = attach(suffix, to: base)
                }
            case .none:
                if let suffix { result[index].base = attach(suffix, to: base) }
            }
        }
        return result
    }

    /// Left to right: each item without a level of its own takes the level prefix of the nearest earlier
    /// item that has one ("区总工会、团区委、妇联" → "区妇联"; "团区委" already names its level).
    static func sharePrefixes(_ group: [PendingUnit]) -> [PendingUnit] {
        var result = group
        var level: String?
        for index in result.indices where !result[index].isCollective && !result[index].base.isEmpty {
            let base = result[index].base
            if let own = NameShape.levelPrefix(of: base) {
                level = own
                continue
            }
            guard let level, !NameShape.carriesOwnPlace(base) else { continue }
            result[index].base = prefix(level, for: base) + base
        }
        return result
    }

    /// The suffix a complete name can lend: the longest known organisation ending shorter than the name.
    static func sharedSuffix(of name: String) -> String? {
        UnitVocabulary.sharedSuffixes.first { name.bytesHasSuffix($0) && $0.utf8.count < name.utf8.count }
    }

    /// Appends `suffix`, merging a place word the item already ends with ("洪山区" + "区人民政府").
    static func attach(_ suffix: String, to base: String) -> String {
        for word in overlappable where base.bytesHasSuffix(word) && suffix.bytesHasPrefix(word) {
            return base + suffix.dropFirst(word.count)
        }
        return base + suffix
    }

    /// A party prefix ("区委") is lent only to party bodies; everything else takes the bare level ("区").
    private static func prefix(_ level: String, for base: String) -> String {
        guard level.count > 1, let bare = level.first else { return level }
        let isParty = partyEndings.contains { base.bytesHasSuffix($0) } && !base.bytesContain("政府")
        return isParty ? level : String(bare)
    }
}
