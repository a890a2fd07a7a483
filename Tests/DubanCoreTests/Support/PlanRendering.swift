import DubanCore

/// Renders parse results as tab-separated lines, one per document fact and per task, so a whole plan can be
/// compared with its expectation in one assertion and a difference points at the exact task and field.
enum PlanRendering {
    /// Every field of every task. With `hashText`, texts are given as length and hash instead of words (used
    /// for the seed documents, whose words stay outside the project).
    static func lines(_ documents: [PlanDocument], hashText: Bool) -> [String] {
        var lines: [String] = []
        for (index, document) in documents.enumerated() {
            let output = ParseOutput(source: "", documents: [document]).documents[0]
            lines.append(
                [
                    "#doc \(index)", output.title, output.issuer ?? "-", output.docNumber ?? "-", output.date ?? "-",
                    output.year.map(String.init) ?? "-", String(output.tasks.count),
                ].joined(separator: "\t"))
            for count in output.declaredCounts {
                lines.append("#count\t\(count.text)\t\(count.declared)\t\(count.found)")
            }
            for warning in output.warnings { lines.append("#warning\t\(warning.line)\t\(warning.message)") }
            for task in output.tasks { lines.append(taskLine(task, document: index, hashText: hashText)) }
        }
        return lines
    }

    private static func taskLine(_ task: ParseOutput.Task, document: Int, hashText: Bool) -> String {
        let list = { (values: [String]) in values.isEmpty ? "-" : values.joined(separator: "、") }
        let text = hashText ? fingerprint(task.text) : task.text
        let parent = task.parent.map { "\($0.number)|" + (hashText ? fingerprint($0.text) : $0.text) } ?? "-"
        return [
            String(document), task.key, task.number, task.kind.rawValue,
            list(task.sections).replacingOccurrences(of: "、", with: " › "),
            list(task.leaders), list(task.overallLeadUnits), list(task.leadUnits), list(task.responsibleUnits),
            list(task.assistingUnits), task.deadline ?? "-", parent, String(task.line), text,
        ].joined(separator: "\t")
    }

    /// Length and FNV-1a hash of a text: enough to detect any change without storing the words.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\(text.count)字#" + String(hash, radix: 16)
    }
}
