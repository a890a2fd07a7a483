/// Tests on heading text.
enum HeadingText {
    /// A real heading is short and names a topic; a long paragraph that merely starts with "一、" (as the
    /// covering notice's points do) is not one.
    static func isHeading(_ text: String) -> Bool {
        guard text.scalarCountIsAtMost(64) else { return false }
        guard let firstStop = text.firstIndex(of: "。") else { return true }
        return text.index(after: firstStop) == text.endIndex
    }

    /// "二、重点工作(共135项)" → ("共135项", 135).
    static func declaredCount(in text: String) -> (text: String, value: Int)? {
        guard let range = text.firstIndex(of: "共").map({ $0..<text.index(after: $0) }) else { return nil }
        let digits = text[range.upperBound...].prefix { CharacterClass.digitValue($0) != nil }
        let after = text[range.upperBound...].dropFirst(digits.count)
        guard !digits.isEmpty, let unit = after.first, "项件条个".contains(unit),
            let value = Int(String(digits.compactMap { CharacterClass.digitValue($0) }.map(String.init).joined()))
        else { return nil }
        return ("共\(digits)\(unit)", value)
    }

    /// The heading text after its marker: "(一)地区生产总值增长7.5%。" → "地区生产总值增长7.5%。".
    static func removingMarker(_ text: String, level: Int, marker: String) -> String {
        switch level {
        case 1: return String(text.dropFirst(marker.count + 1))
        case 2: return String(text.dropFirst(marker.count + 2))
        default: return String(text.drop { "—－-".contains($0) })
        }
    }
}

/// Tests on task text.
enum TaskText {
    /// A task states something: at least four Chinese characters. Report-form templates ("2.……") do not.
    static func isTaskLike(_ text: some StringProtocol) -> Bool {
        var han = 0
        for character in text where CharacterClass.isHan(character) {
            han += 1
            if han >= 4 { return true }
        }
        return false
    }

    /// The first words of a text, for warnings.
    static func excerpt(_ text: some StringProtocol) -> String {
        text.count <= 24 ? String(text) : String(text.prefix(24)) + "…"
    }
}

/// What one layout reader found in a document.
struct LayoutResult: Sendable {
    var tasks: [PlanTask] = []
    var warnings: [ParseWarning] = []
    var declaredCounts: [DeclaredCount] = []

    /// Records a warning.
    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(ParseWarning(line: line, message: message))
    }
}
