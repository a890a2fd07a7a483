import DubanCore
import Foundation

/// A plan's ranked scores for a period, worked out as of a day at one generation of their inputs
/// (`ScoreInputs`), kept in memory so the ranking, a unit's page, the workbook and the API do not each work out
/// a whole plan's records again. An entry answers only a request of the same plan, period, day and generation:
/// a filing moves the generation, a new day changes the day. The newest entries are kept, a few dozen at most.
actor ScoreCache {
    static let shared = ScoreCache()
    /// Enough for every period of a province's busiest plans; an entry of 500 units with their lines is a few
    /// hundred kilobytes.
    static let capacity = 48

    struct Key: Hashable, Sendable {
        var planID: UUID
        var period: String
        var day: String
        var generation: Int
    }

    private var entries: [Key: [RankedScore]] = [:]
    /// Keys from least to most recently used.
    private var order: [Key] = []

    func scores(_ key: Key) -> [RankedScore]? {
        guard let found = entries[key] else { return nil }
        touch(key)
        return found
    }

    func keep(_ scores: [RankedScore], for key: Key) {
        entries[key] = scores
        touch(key)
        while order.count > Self.capacity {
            entries[order.removeFirst()] = nil
        }
    }

    /// Every entry, for the check that proves them (`ScoreCacheCheck`).
    func all() -> [(Key, [RankedScore])] {
        order.compactMap { key in entries[key].map { (key, $0) } }
    }

    private func touch(_ key: Key) {
        order.removeAll { $0 == key }
        order.append(key)
    }
}
