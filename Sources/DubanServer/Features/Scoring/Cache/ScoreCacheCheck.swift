import DubanCore
import Fluent
import Foundation

/// Proves the kept scores: every entry of `ScoreCache` for a plan of this database whose generation is still the
/// plan's is worked out again from the records, as of its day, and must be the same. The test suite runs it after
/// every test that used the application, so a writer that changes what scores depend on without counting the
/// plan's generation up (`ScoreInputs.changed`) fails the test that exercised it.
public enum ScoreCacheCheck {
    /// One line per entry that differs from its scores worked out now.
    public static func differences(on database: any Database) async throws -> [String] {
        var result: [String] = []
        for (key, kept) in await ScoreCache.shared.all() {
            guard let plan = try await Plan.find(key.planID, on: database),
                try await ScoreInputs.generation(planID: key.planID, on: database) == key.generation,
                let period = ReportingPeriod(key: key.period), let day = CalendarDay(key.day)
            else { continue }
            let worked = try await Scores.workedOut(plan: plan, period: period, today: day, on: database)
            guard worked != kept else { continue }
            let keptByUnit = Dictionary(kept.map { ($0.score.unitID, $0) }) { first, _ in first }
            let differing = worked.filter { keptByUnit[$0.score.unitID] != $0 }.map { entry in
                let before = keptByUnit[entry.score.unitID]
                return "\(entry.score.unitName): kept \(before?.score.total.map { "\($0)" } ?? "nothing") "
                    + "(\(before?.score.lines.count ?? 0) lines), worked out \(entry.score.total.map { "\($0)" } ?? "—") "
                    + "(\(entry.score.lines.count) lines)"
            }
            result.append(
                "plan \(key.planID) \(key.period) as of \(key.day), generation \(key.generation): "
                    + (differing.isEmpty ? "units differ in number or order" : differing.joined(separator: "; ")))
        }
        return result
    }
}
