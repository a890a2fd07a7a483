/// Reads the counts a covering notice declares for its annexed tables — "涉及新洲区的1项工作任务和10项民生实事、
/// …103项工作任务和47项民生实事以及…5项工作任务事项" — and pairs them with the annexes in order.
enum NoticeCounts {
    private static let nouns = ["工作任务事项", "工作任务", "民生实事", "重点工作", "任务事项", "办理事项", "重点任务", "责任事项"]

    /// Declared counts paired with the tasks found per annex; empty when the numbers do not pair up one to one.
    static func declared(in lines: ArraySlice<SourceLine>, annexCounts: [Int: Int]) -> [DeclaredCount] {
        guard !annexCounts.isEmpty else { return [] }
        var phrases: [(text: String, value: Int)] = []
        for line in lines where line.cells == nil {
            if LineStart.classify(line.compact) == .attachment { break }
            phrases += countPhrases(in: line.compact)
        }
        let annexes = annexCounts.keys.sorted()
        guard phrases.count == annexes.count else { return [] }
        return zip(phrases, annexes).map { phrase, annex in
            DeclaredCount(text: phrase.text, declared: phrase.value, found: annexCounts[annex] ?? 0)
        }
    }

    /// Every "N项<noun>" in a sentence, with a leading "涉及…的" kept so the phrase says what it counts.
    static func countPhrases(in text: String) -> [(text: String, value: Int)] {
        var phrases: [(String, Int)] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard CharacterClass.digitValue(characters[index]) != nil,
                index == 0 || CharacterClass.digitValue(characters[index - 1]) == nil
            else { index += 1; continue }
            var end = index
            var value = 0
            while end < characters.count, let digit = CharacterClass.digitValue(characters[end]) {
                value = value * 10 + digit
                end += 1
            }
            guard end < characters.count, characters[end] == "项" else { index = end; continue }
            let rest = String(characters[(end + 1)...].prefix(8))
            guard let noun = nouns.first(where: { rest.bytesHasPrefix($0) }) else { index = end; continue }
            let start = phraseStart(characters, before: index)
            let phrase = String(characters[start..<(end + 1)]) + noun
            phrases.append((phrase, value))
            index = end + 1 + noun.count
        }
        return phrases
    }

    /// Extends a phrase back to a "涉及" a few characters before the number.
    private static func phraseStart(_ characters: [Character], before index: Int) -> Int {
        var cursor = index - 1
        while cursor >= 1, index - cursor <= 10 {
            if characters[cursor - 1] == "涉", characters[cursor] == "及" { return cursor - 1 }
            if "，,。；、和及".contains(characters[cursor]) { break }
            cursor -= 1
        }
        return index
    }
}
