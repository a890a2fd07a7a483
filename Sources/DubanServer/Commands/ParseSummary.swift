import DubanCore

/// The human-readable form of a parse result: what a clerk checks before importing.
enum ParseSummary {
    /// One block per document: metadata, counts by kind, declared counts, warnings, then the tasks.
    static func text(_ output: ParseOutput, encoding: String) -> String {
        var lines: [String] = ["\(output.source) (\(encoding)): \(output.documents.count) plan(s)"]
        for document in output.documents {
            lines.append("")
            lines.append("《\(document.title)》")
            let meta = [document.issuer, document.docNumber, document.date].compactMap { $0 }
            if !meta.isEmpty { lines.append("  " + meta.joined(separator: " · ")) }
            let kinds = TaskKind.allCases.compactMap { kind -> String? in
                let count = document.tasks.filter { $0.kind == kind }.count
                return count == 0 ? nil : "\(kind.rawValue) \(count)"
            }
            lines.append("  \(document.tasks.count) tasks: " + kinds.joined(separator: ", "))
            for count in document.declaredCounts {
                let mark = count.declared == count.found ? "ok" : "MISMATCH"
                lines.append("  declared \(count.text): found \(count.found) [\(mark)]")
            }
            for warning in document.warnings { lines.append("  warning, line \(warning.line): \(warning.message)") }
            for task in document.tasks {
                let units = (task.leadUnits + task.responsibleUnits).joined(separator: "、")
                lines.append("  [\(task.key)] \(String(task.text.prefix(40))) — \(units)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
