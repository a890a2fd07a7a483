import DubanCore
import Foundation

/// The year a plan is filed under — one rule for the preview, the duplicate check and the import, so the
/// three never disagree about a document that states no year.
enum PlanYear {
    /// The year the administrator chose, else the one the document states, else this year in China.
    static func resolve(chosen: Int?, document: PlanDocument?) -> Int {
        chosen ?? document?.year ?? current()
    }

    /// This year on the offices' clock (China Standard Time), not the server's.
    static func current(at now: Date = Date()) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = AppClock.timeZone
        return calendar.component(.year, from: now)
    }
}
