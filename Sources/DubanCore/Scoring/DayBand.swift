/// One band of a lateness rule: "逾期1至3天扣0.5分", or with no upper end "8天以上扣2分".
///
/// Bands rather than a per-day rate are what most 督查 schemes print, because they keep a day or two of delay
/// cheap and make a month's delay cost no more than a missing report.
public struct DayBand: Sendable, Hashable, Codable {
    /// The first day late the band covers, from 1.
    public var from: Int
    /// The last day late it covers; nil for "and more".
    public var to: Int?
    /// The points of a report late by any number of days in the band, before weighting.
    public var points: Double

    /// Creates a band.
    public init(from: Int, to: Int?, points: Double) {
        self.from = from
        self.to = to
        self.points = points
    }

    /// True when a delay of `days` falls in the band.
    public func contains(_ days: Int) -> Bool {
        days >= from && to.map { days <= $0 } ?? true
    }

    /// The band's days in Chinese: "1至3天", "8天以上", "5天".
    var daysText: String {
        guard let to else { return "\(from)天以上" }
        return to == from ? "\(from)天" : "\(from)至\(to)天"
    }
}
