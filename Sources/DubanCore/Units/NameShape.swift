import Foundation

/// How a name ends: what decides whether it is complete on its own.
enum NameEnding: Sendable, Equatable {
    /// Ends with an organisation word ("局", "委员会", "集团"): a complete unit.
    case organisation
    /// Ends with a place word ("开发区", "邾城街", "相关街镇"): a unit in a plain list, but still able to
    /// take a place organ shared from a later item ("洪山区、江夏区人民政府").
    case place
    /// Neither: an abbreviation waiting for a shared suffix ("区科经") or a fragment of a wrapped name.
    case none
}

/// Questions about the shape of one name, answered from vocabulary alone.
///
/// The list grammar (suffix and prefix sharing, line-wrap repair) is built on these few predicates, so
/// they are kept free of any knowledge about particular documents.
enum NameShape {
    /// Classifies the ending of `name`; only the last few characters are examined, so this is cheap on
    /// arbitrarily long input.
    static func ending(of name: String) -> NameEnding {
        let tail = String(name.suffix(8))
        if UnitVocabulary.organisationSuffixes.contains(where: { tail.bytesHasSuffix($0) }) { return .organisation }
        if isPlace(tail) { return .place }
        return .none
    }

    /// True when `name` can stand alone as a unit (organisation or place ending).
    static func isComplete(_ name: String) -> Bool {
        ending(of: name) != .none
    }

    /// True when the tail ends with a place word that is really a place ("开发区", not "区" or "社区").
    private static func isPlace(_ tail: String) -> Bool {
        guard tail.count >= 2 else { return false }
        if UnitVocabulary.placeLookalikes.contains(where: { tail.bytesHasSuffix($0) }) { return false }
        guard UnitVocabulary.placeSuffixes.contains(where: { tail.bytesHasSuffix($0) }) else { return false }
        // "市区" or "区区" is a level plus a place word, not a named place.
        let head = tail.dropLast()
        return !(head.count == 1 && head.allSatisfy { UnitVocabulary.levelCharacters.contains($0) })
    }

    /// The level prefix a name starts with, for sharing with later items of its group: "区" for "区科经局",
    /// "区委" for party bodies such as "区委组织部", nil for "市场监管局", "团区委" or "东湖高新区管委会".
    static func levelPrefix(of name: String) -> String? {
        guard let first = name.first, UnitVocabulary.levelCharacters.contains(first) else { return nil }
        if UnitVocabulary.levelLookalikeStarts.contains(where: { name.bytesHasPrefix($0) }) { return nil }
        let rest = name.dropFirst()
        if rest.bytesHasPrefix("委"), !rest.bytesHasPrefix("委员"), rest.count > 1 {
            return String(first) + "委"
        }
        return String(first)
    }

    /// True when the name already says where it belongs and must not be given a neighbour's level prefix:
    /// it starts with a level ("区商务局"), contains a place or level inside ("团区委", "江夏经济开发区管委会",
    /// "人行新洲区分行"), is a street or town unit ("纸坊街道办事处"), a branch office, or is headed by a
    /// national body or a well-known place ("国家统计局江夏调查队", "武汉城建集团").
    static func carriesOwnPlace(_ name: String) -> Bool {
        if levelPrefix(of: name) != nil { return true }
        if UnitVocabulary.levelLookalikeStarts.contains(where: { name.bytesHasPrefix($0) }) {
            return containsLevel(String(name.dropFirst(2)))
        }
        if containsLevel(name) { return true }
        if UnitVocabulary.selfPlacedStarts.contains(where: { name.bytesHasPrefix($0) }) { return true }
        if UnitVocabulary.wellKnownPlaces.contains(where: { name.bytesHasPrefix($0) }) { return true }
        if UnitVocabulary.branchSuffixes.contains(where: { name.bytesHasSuffix($0) }) { return true }
        if ["办事处", "街道", "街", "镇", "乡"].contains(where: { name.bytesHasSuffix($0) }) { return true }
        return false
    }

    /// True when a level character occurs in `name` outside everyday words such as "城市" or "市场".
    private static func containsLevel(_ name: String) -> Bool {
        var text = name
        for word in UnitVocabulary.levelLookalikeWords where text.bytesContain(word) {
            text = text.replacingOccurrences(of: word, with: "")
        }
        return text.contains { UnitVocabulary.levelCharacters.contains($0) }
    }

    /// True when `text` begins like a new unit name rather than the rest of a wrapped one: with a level
    /// prefix or a collective opening.
    static func startsLikeUnit(_ text: String) -> Bool {
        if levelPrefix(of: text) != nil { return true }
        return UnitVocabulary.collectiveStarts.contains { text.bytesHasPrefix($0) }
    }

    /// True for names standing for many units: "各区人民政府", "相关街镇", "区直单位", "区安委会各成员单位".
    static func isCollective(_ name: String) -> Bool {
        if UnitVocabulary.collectiveStarts.contains(where: { name.bytesHasPrefix($0) }) { return true }
        return UnitVocabulary.collectiveInfixes.contains { name.bytesContain($0) }
    }
}
