import Foundation

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

extension DayBand {
    /// Bands as the scheme form shows them: "1-3:0.5，4-7:1，8+:2".
    public static func listText(_ bands: [DayBand]) -> String {
        bands.sorted { $0.from < $1.from }.map { band in
            let days = band.to.map { $0 == band.from ? "\(band.from)" : "\(band.from)-\($0)" } ?? "\(band.from)+"
            return "\(days):\(ScoringScheme.text(band.points))"
        }.joined(separator: "，")
    }

    /// Reads bands written as `listText` writes them ("1-3:0.5, 4-7:1, 8+:2"; "至" for "-", "以上" for "+", and
    /// full-width punctuation accepted). Nil when a part cannot be read, so the form can say so; an empty text
    /// is no bands.
    public static func parseList(_ text: String) -> [DayBand]? {
        let normalised = text.replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "至", with: "-")
            .replacingOccurrences(of: "以上", with: "+").replacingOccurrences(of: "天", with: "")
            .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "－", with: "-")
        var bands: [DayBand] = []
        for part in normalised.split(whereSeparator: { "，,；;、\n".contains($0) }) {
            let pair = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let points = Double(pair[1]), points.isFinite else { return nil }
            let days = pair[0]
            if days.hasSuffix("+") {
                guard let from = Int(days.dropLast()) else { return nil }
                bands.append(DayBand(from: from, to: nil, points: points))
            } else if let dash = days.firstIndex(of: "-") {
                guard let from = Int(days[..<dash]), let to = Int(days[days.index(after: dash)...]) else { return nil }
                bands.append(DayBand(from: from, to: to, points: points))
            } else {
                guard let day = Int(days) else { return nil }
                bands.append(DayBand(from: day, to: day, points: points))
            }
        }
        return bands
    }
}
