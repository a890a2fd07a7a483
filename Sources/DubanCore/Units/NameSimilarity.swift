/// How alike two unit names are, for suggesting the directory unit a new name probably means
/// ("区发改局" ↔ "区发展和改革局" scores low; "区市场监管局" ↔ "区市场监督管理局" scores high).
public enum NameSimilarity {
    /// Dice coefficient over character bigrams, 0…1, after removing punctuation and spaces.
    public static func score(_ first: String, _ second: String) -> Double {
        Fingerprint(first).dice(Fingerprint(second))
    }

    /// True when every character of `short` occurs in `long` in the same order — how Chinese abbreviations
    /// are formed ("区发改局" from "区发展和改革局").
    public static func isAbbreviation(_ short: String, of long: String) -> Bool {
        let shortScalars = Array(short.unicodeScalars)
        guard shortScalars.count >= 2, shortScalars.count < long.unicodeScalars.count,
            shortScalars.first == long.unicodeScalars.first, shortScalars.last == long.unicodeScalars.last
        else { return false }
        var index = 0
        for scalar in long.unicodeScalars where index < shortScalars.count && scalar == shortScalars[index] {
            index += 1
        }
        return index == shortScalars.count
    }
}
