/// Reads a task a person marked on a document's lines: the first line is the task, the lines after it up to
/// the next numbered line or heading are its wrapped words and then its role lines ("牵头单位：…"). The reader runs on the marked lines
/// alone, numbered if they were not, so a marked task gets the same roles a read one would.
public enum MarkedTask {
    /// How many lines after the first may belong to the marked task.
    static let maxRoleLines = 6

    /// The task read from `lines` (the marked line first), numbered `number` when the line has no number of
    /// its own; nil when the first line is empty.
    public static func read(_ lines: [String], number: String) -> PlanTask? {
        guard let first = lines.first.map({ LineCleaner.collapseSpaces($0) }), !first.isEmpty else { return nil }
        var block = [first]
        var sawRoles = false
        for line in lines.dropFirst().prefix(maxRoleLines) {
            let text = LineCleaner.collapseSpaces(line)
            if text.isEmpty { continue }
            if startsAnotherPart(text) { break }
            // Wrapped words of the task may come before its role lines, not after them.
            let isRoleLine = RoleKeyword.leadingLabel(in: Substring(text)) != nil
            if sawRoles && !isRoleLine { break }
            sawRoles = sawRoles || isRoleLine
            block.append(text)
        }
        // The reader expects a list to start at 1, so the marked line is read as item 1 and keeps its own
        // number (or gets `number`) afterwards.
        var ownNumber = number
        var body = first
        if case .numbered = LineStart.classify(first), let (value, rest) = LineStart.leadingNumber(first) {
            ownNumber = String(value)
            body = String(rest)
        }
        let snippet = (["1．\(body)"] + block.dropFirst()).joined(separator: "\n")
        guard var task = PlanParser.parse(text: snippet).first?.tasks.first else {
            return PlanTask(key: ownNumber, number: ownNumber, kind: .task, sections: [], text: body, line: 1)
        }
        task.number = ownNumber
        task.key = ownNumber
        return task
    }

    /// A numbered line, heading, annex or footer starts something else than the marked task's role lines.
    private static func startsAnotherPart(_ text: String) -> Bool {
        switch LineStart.classify(text) {
        case .numbered, .heading, .attachment, .footer: true
        default: false
        }
    }
}
