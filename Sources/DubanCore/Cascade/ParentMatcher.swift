/// Finds the higher government's task a cascaded task localises, among the higher plans' tasks on the same
/// installation.
///
/// A lower plan quotes its parent in one of three ways: a column of the higher task's words with its number
/// ("64.深化'三医'联动改革…", seed 004), the higher task's words as the task itself (a list "涉及我区" of the
/// province's report, seed 003), or an abridged quotation of one sentence of a longer task ("地区生产总值增长6.5%
/// 以上。"). So a candidate scores by how much of the quotation it contains — or, for a quotation joining several
/// higher tasks, how much of the candidate the quotation contains, discounted for short candidates that any long
/// text contains — with a bonus when the quoted number is the candidate's number.
public enum ParentMatcher {
    /// A task of a higher plan that may be the parent.
    public struct Candidate: Sendable, Equatable {
        public var id: String
        /// The task's number in its plan ("64").
        public var number: String
        public var text: String
        /// The text's pairs, computed once: a plan's every task is ranked against the same candidates.
        let pairs: CharacterPairs

        public init(id: String, number: String, text: String) {
            self.id = id
            self.number = number
            self.text = text
            pairs = CharacterPairs(text)
        }
    }

    /// A candidate with its score, 0…1.
    public struct Scored: Sendable, Equatable {
        public var id: String
        public var score: Double
    }

    /// The score from which a candidate is suggested as the parent; below it the wizard asks.
    public static let threshold = 0.5

    /// Candidates that share anything with the quotation, best first (ties in the given order), at most `limit`.
    /// `quote` is the parent the lower document quotes, or nil when its task's own words are the quotation.
    public static func rank(
        quote: ParentTask?, ownText: String, among candidates: [Candidate], limit: Int = 5
    ) -> [Scored] {
        let words = quote.map { $0.text.isEmpty ? ownText : $0.text } ?? ownText
        let quoted = CharacterPairs(words)
        guard !quoted.pairs.isEmpty else { return [] }
        let number = quote?.number ?? ""
        var scored: [(Scored, Double, Int)] = []
        for (index, candidate) in candidates.enumerated() {
            let pairs = candidate.pairs
            let forward = quoted.containment(in: pairs)
            let shortness = min(1, Double(pairs.pairs.count) / 24)
            let backward = pairs.containment(in: quoted) * shortness
            var score = max(forward, backward)
            guard score >= 0.2 else { continue }
            // The quoted number settles between candidates that contain the words equally ("3.全市地区生产总值增长
            // 5.5%左右" is in task 1 and is task 3), so it counts beyond the displayed score's cap.
            var rank = score
            if !number.isEmpty, number == candidate.number, score >= 0.25 {
                rank = score + 0.2
                score = min(1, rank)
            }
            scored.append((Scored(id: candidate.id, score: (score * 1000).rounded() / 1000), rank, index))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.prefix(limit).map(\.0)
    }

    /// The suggested parent: the best candidate when it reaches `threshold`.
    public static func suggest(quote: ParentTask?, ownText: String, among candidates: [Candidate]) -> Scored? {
        rank(quote: quote, ownText: ownText, among: candidates, limit: 1).first { $0.score >= threshold }
    }
}
