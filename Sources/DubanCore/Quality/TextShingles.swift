/// A report's wording as a set of overlapping three-character pieces (shingles), for telling whether two reports
/// say the same thing in the same words. Spaces and punctuation are dropped and every digit counts as the same
/// digit, so a text copied from last quarter with its period and numbers changed still reads as copied.
public struct TextShingles: Sendable, Hashable {
    /// The shortest text (in characters, once normalised) worth comparing: shorter ones ("按计划推进") are alike
    /// by nature, not by copying.
    public static let minimumLength = 24

    /// The shingles, hashed.
    public let grams: Set<Int>
    /// The normalised text's length in characters.
    public let length: Int

    /// The shingles of `text`, `size` characters each.
    public init(_ text: String, size: Int = 3) {
        let characters = Self.normalised(text)
        length = characters.count
        var grams = Set<Int>()
        if characters.count >= size {
            for start in 0...(characters.count - size) {
                var hasher = Hasher()
                for character in characters[start..<(start + size)] { hasher.combine(character) }
                grams.insert(hasher.finalize())
            }
        }
        self.grams = grams
    }

    /// True when the text is long enough to be compared.
    public var isComparable: Bool { length >= Self.minimumLength }

    /// The share of shingles the two texts have in common (Jaccard), 0…1; 0 when either is too short to compare.
    public func similarity(to other: TextShingles) -> Double {
        guard isComparable, other.isComparable else { return 0 }
        let shared = grams.intersection(other.grams).count
        let all = grams.union(other.grams).count
        return all == 0 ? 0 : Double(shared) / Double(all)
    }

    /// Letters, CJK and digits (every digit as "0"); Chinese numerals of periods ("第一季度") as "〇" too, so
    /// a period's name is not what tells two reports apart.
    static func normalised(_ text: String) -> [Character] {
        var result: [Character] = []
        for character in text {
            if character.isWhitespace || character.isPunctuation || character.isSymbol { continue }
            if character.isNumber {
                result.append(character.isASCII ? "0" : (periodNumerals.contains(character) ? "〇" : character))
                continue
            }
            result.append(periodNumerals.contains(character) ? "〇" : character)
        }
        return result
    }

    /// The numerals period names use.
    private static let periodNumerals: Set<Character> = ["一", "二", "三", "四", "０", "１", "２", "３", "４"]
}
