import Foundation

/// How messages name a task so it is recognised without opening it: the plan, the number and the task's own
/// first words, not only "第 28 项".
enum TaskNaming {
    /// How many characters of the task's text a message quotes.
    static let quoted = 30

    /// "《2026年政府工作报告重点任务分解》第 28 项“推进城市更新……”".
    static func phrase(number: String, text: String, planTitle: String) -> String {
        "\(quoted(planTitle))第 \(number) 项“\(words(text))”"
    }

    /// The plan's title in 书名号, its own 《》 turned to 〈〉 as nested titles are printed:
    /// 《2025年区〈政府工作报告〉重点工作责任分解方案》. "" for no title.
    static func quoted(_ planTitle: String) -> String {
        guard !planTitle.isEmpty else { return "" }
        let inner = planTitle.replacingOccurrences(of: "《", with: "〈").replacingOccurrences(of: "》", with: "〉")
        return "《\(inner)》"
    }

    /// The task's first words, cut at `quoted` characters.
    static func words(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > quoted ? String(flat.prefix(quoted)) + "……" : flat
    }
}
