/// Merges rows that state the same task. Decomposition tables list a task under every unit that shares it,
/// sometimes with small differences in wording (a typo, a place name); the plan means one task.
enum DuplicateMerger {
    /// How alike two texts must be (Dice coefficient over character bigrams) to be one task.
    static let threshold = 0.9

    /// Merges same-kind tasks with identical or near-identical texts, keeping the first occurrence's place.
    static func merge(_ tasks: [PlanTask]) -> (tasks: [PlanTask], warnings: [ParseWarning]) {
        var kept: [PlanTask] = []
        var fingerprints: [Fingerprint] = []
        var exact: [String: Int] = [:]
        var warnings: [ParseWarning] = []
        for task in tasks {
            // Comparing with every kept row is quadratic; a parse out of time keeps the rest unmerged.
            guard !ParseBudget.stop else {
                kept.append(task)
                continue
            }
            let fingerprint = Fingerprint(task.text)
            let exactKey = "\(task.kind.rawValue)|\(fingerprint.normalized)"
            if let index = exact[exactKey] {
                kept[index].roles.absorb(task.roles)
                continue
            }
            if let index = nearMatch(fingerprint, kind: task.kind, in: kept, fingerprints: fingerprints) {
                kept[index].roles.absorb(task.roles)
                warnings.append(
                    ParseWarning(
                        line: task.line,
                        message: "第\(task.line)行的任务与第\(kept[index].line)行的任务（\(kept[index].key)）文字略有不同，已按同一任务合并，请核对"))
                continue
            }
            exact[exactKey] = kept.count
            kept.append(task)
            fingerprints.append(fingerprint)
        }
        return (kept, warnings)
    }

    private static func nearMatch(
        _ fingerprint: Fingerprint, kind: TaskKind, in kept: [PlanTask],
        fingerprints: [Fingerprint]
    ) -> Int? {
        for index in kept.indices where kept[index].kind == kind {
            let other = fingerprints[index]
            let shorter = min(fingerprint.length, other.length)
            let longer = max(fingerprint.length, other.length)
            guard shorter >= 8, Double(shorter) / Double(longer) >= threshold else { continue }
            if fingerprint.dice(other) >= threshold { return index }
        }
        return nil
    }
}

/// A text reduced to what matters for comparison: characters without spaces and punctuation, and its bigrams.
struct Fingerprint: Sendable {
    let normalized: String
    let length: Int
    private let bigrams: [UInt64: Int]

    init(_ text: String) {
        let characters = text.filter { $0.isLetter || $0.isNumber || CharacterClass.isHan($0) }
        normalized = String(characters)
        length = characters.count
        var counts: [UInt64: Int] = [:]
        let scalars = characters.unicodeScalars.map(\.value)
        if scalars.count > 1 {
            for index in 1..<scalars.count {
                counts[UInt64(scalars[index - 1]) << 32 | UInt64(scalars[index]), default: 0] += 1
            }
        }
        bigrams = counts
    }

    /// Dice coefficient of the bigram multisets, 0…1.
    func dice(_ other: Fingerprint) -> Double {
        let total = bigrams.values.reduce(0, +) + other.bigrams.values.reduce(0, +)
        guard total > 0 else { return 0 }
        var shared = 0
        for (bigram, count) in bigrams { shared += min(count, other.bigrams[bigram] ?? 0) }
        return Double(2 * shared) / Double(total)
    }
}
