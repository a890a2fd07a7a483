/// Which canonical brackets in a run of characters pair up.
///
/// Unbalanced brackets are common in extracted text (a closing bracket lost at a page break), so every
/// scanner asks this map instead of counting depth: only matched pairs protect their content from being
/// split, and a stray bracket cannot swallow the rest of a list.
struct BracketMap: Sendable {
    /// For each index, the index of its matching bracket when the character is a matched bracket.
    private var partner: [Int: Int] = [:]

    /// Builds the map for already-normalised characters (brackets folded to `（` / `）`).
    init(_ characters: [Character]) {
        var stack: [Int] = []
        for (index, character) in characters.enumerated() {
            if TextNormalizer.isOpen(character) {
                stack.append(index)
            } else if TextNormalizer.isClose(character), let opening = stack.popLast() {
                partner[opening] = index
                partner[index] = opening
            }
        }
    }

    /// The index of the closing bracket matching an opening bracket at `index`, if it is matched.
    func closing(at index: Int) -> Int? {
        guard let other = partner[index], other > index else { return nil }
        return other
    }
}
