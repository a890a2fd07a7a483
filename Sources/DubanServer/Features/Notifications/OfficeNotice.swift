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
