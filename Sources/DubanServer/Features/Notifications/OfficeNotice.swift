import Fluent
import Foundation

/// Notifications addressed to the 督查室 itself (no unit): each new report or work plan waiting for its review,
/// in the app and to the office's webhooks. Posted inside the filing's transaction.
enum OfficeNotice {
    /// "青溪区发展改革局报送了第一季度完成情况（第 1 版）": one per submission, linked to what waits.
    static func submitted(
        unitName: String, what: String, daysLate: Int, duty: TaskDuty, planTitle: String, link: String,
        governmentID: UUID, by filer: ReportFiling.Filer, on database: any Database
    ) async throws {
        let late = daysLate > 0 ? "，逾期 \(daysLate) 天" : ""
        try await Notifier.post(
            .submitted, governmentID: governmentID, unitID: nil, title: "\(unitName)报送了\(what)，待审核",
            body: TaskNaming.phrase(number: duty.number, text: duty.text, planTitle: planTitle) + late + "。",
            link: link, sender: filer.actor.name, at: filer.now, on: database)
    }
}

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
