import DubanCore

extension ReportingPeriod {
    /// The period as stored with a report: "2026-Q1", "2026-M03", or "2026-Y" for the report that covers the
    /// whole year. Stable, sortable within a year, readable in the database.
    var key: String {
        if coversWholeYear { return "\(year)-Y" }
        switch cycle {
        case .quarterly: return "\(year)-Q\(index)"
        case .monthly: return "\(year)-M" + (index < 10 ? "0\(index)" : "\(index)")
        }
    }

    /// The period a stored key names; nil for anything else.
    init?(key: String) {
        let parts = key.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let year = Int(parts[0]) else { return nil }
        let rest = parts[1]
        if rest == "Y" {
            guard let period = ReportingPeriod.wholeYear(year) else { return nil }
            self = period
            return
        }
        guard let kind = rest.first, let index = Int(rest.dropFirst()) else { return nil }
        switch kind {
        case "Q":
            guard let period = ReportingPeriod.quarter(index, of: year) else { return nil }
            self = period
        case "M":
            guard let period = ReportingPeriod.month(index, of: year) else { return nil }
            self = period
        default:
            return nil
        }
    }
}
