/// A text as the set of its adjacent character pairs (bigrams), punctuation and spaces dropped and digits kept,
/// for telling which higher task a cascaded row quotes. Pairs rather than the three-character shingles of the
/// report checks: a quotation is often short ("着力振兴汉派服装") and abridged, and two characters are a Chinese
/// word's usual length.
public struct CharacterPairs: Sendable, Hashable {
    public let pairs: Set<String>

    public init(_ text: String) {
        let characters = text.filter { !($0.isWhitespace || $0.isPunctuation || $0.isSymbol) }
        var pairs = Set<String>()
        var previous: Character?
        for character in characters {
            if let previous { pairs.insert(String([previous, character])) }
            previous = character
        }
        self.pairs = pairs
    }

    /// How much of this text the other contains: shared pairs over this text's pairs, 0…1.
    public func containment(in other: CharacterPairs) -> Double {
        pairs.isEmpty ? 0 : Double(pairs.intersection(other.pairs).count) / Double(pairs.count)
    }

    /// Shared pairs over all pairs of both (Jaccard), 0…1.
    public func overlap(with other: CharacterPairs) -> Double {
        let all = pairs.union(other.pairs).count
        return all == 0 ? 0 : Double(pairs.intersection(other.pairs).count) / Double(all)
    }
}
