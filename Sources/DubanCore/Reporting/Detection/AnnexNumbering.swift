import Foundation

/// Which 附表 number a plan's notice gives each of the forms units hand in: the 办理方案, the 督办工作人员名单
/// and the quarterly 完成情况. Notices differ — the city's calls the progress form 附表2 ("报送式样详见附表2"),
/// a district's lists 附表1 办理方案, 附表2 名单, 附表3 完成情况 — and an export must carry the number the units
/// were told, so the office can file it without renumbering.
public struct AnnexNumbering: Sendable, Hashable, Codable {
    /// "附表1".
    public var workPlan: String
    /// "附表2".
    public var contacts: String
    /// "附表3".
    public var progress: String

    public init(workPlan: String, contacts: String, progress: String) {
        self.workPlan = workPlan
        self.contacts = contacts
        self.progress = progress
    }

    /// The numbers when a notice says nothing: the three forms in the order units meet them.
    public static let standard = AnnexNumbering(workPlan: "附表1", contacts: "附表2", progress: "附表3")

    /// The forms a notice can number.
    enum Form: CaseIterable {
        case workPlan, contacts, progress

        /// Words that name the form in a sentence or a form's title.
        var words: [String] {
            switch self {
            case .workPlan: ["办理方案", "工作方案"]
            case .contacts: ["工作人员名单", "联系人", "督办人员"]
            case .progress: ["完成情况", "进展情况"]
            }
        }
    }

    /// The numbers `text` gives the forms: from a form's title under its "附表N" line, or from a sentence that
    /// names the form and refers to "附表N"; forms it does not number take the first numbers left over.
    public static func detect(in text: String) -> AnnexNumbering {
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).filter { !$0.isWhitespace } }
        var found: [Form: String] = [:]
        for (index, line) in lines.enumerated() {
            // A form's own page: "附表2" alone, its title on one of the next two lines.
            if let label = label(alone: line) {
                for next in lines.dropFirst(index + 1).prefix(2) {
                    if let form = form(named: next), found[form] == nil {
                        found[form] = label
                        break
                    }
                }
                continue
            }
            // A sentence: "……将办理方案报送市人民政府督查室(报送式样详见附表1)".
            for sentence in line.split(whereSeparator: { "。；;".contains($0) }) {
                let sentence = String(sentence)
                guard let label = reference(in: sentence), let form = lastForm(in: sentence), found[form] == nil
                else { continue }
                found[form] = label
            }
        }
        var used = Set(found.values)
        func number(_ form: Form, _ preferred: String) -> String {
            if let label = found[form] { return label }
            let free = ([preferred] + (1...9).map { "附表\($0)" }).first { !used.contains($0) } ?? preferred
            used.insert(free)
            return free
        }
        return AnnexNumbering(
            workPlan: number(.workPlan, standard.workPlan), contacts: number(.contacts, standard.contacts),
            progress: number(.progress, standard.progress))
    }

    /// "附表2" for a line that is only that (or "附件2"); nil otherwise.
    private static func label(alone line: String) -> String? {
        for prefix in ["附表", "附件"] where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count).filter { $0 != ":" && $0 != "：" }
            if let number = Int(rest), (1...20).contains(number) { return "附表\(number)" }
        }
        return nil
    }

    /// The form a title line names.
    private static func form(named line: String) -> Form? {
        Form.allCases.first { form in form.words.contains { line.contains($0) } }
    }

    /// The form a sentence names last before its reference: "办理方案" in "将办理方案报送…(见附表1)".
    private static func lastForm(in sentence: String) -> Form? {
        var best: (Form, String.Index)?
        for form in Form.allCases {
            for word in form.words {
                guard let range = sentence.range(of: word, options: .backwards) else { continue }
                if best.map({ range.lowerBound > $0.1 }) ?? true { best = (form, range.lowerBound) }
            }
        }
        return best?.0
    }

    /// "附表2" when a sentence refers to one ("详见附表2", "见附表2"); nil otherwise.
    private static func reference(in sentence: String) -> String? {
        guard let range = sentence.range(of: "附表") else { return nil }
        let digits = sentence[range.upperBound...].prefix { $0.isNumber && $0.isASCII }
        guard let number = Int(digits), (1...20).contains(number) else { return nil }
        return "附表\(number)"
    }
}
