import DubanCore

/// One line per target — label, value, unit, comparison, kind — so a test compares a whole task in one
/// assertion and a failure shows exactly which field differs.
extension QuantifiedTarget {
    var summary: String {
        let figure = upperValue.map { "\(Self.format(value))~\(Self.format($0))" } ?? Self.format(value)
        return [label, figure, unit, comparison.rawValue, kind.rawValue].joined(separator: " | ")
    }

    /// Whole numbers without ".0", so expectations read like the documents ("1.2", "300").
    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

extension Array where Element == QuantifiedTarget {
    var summaries: [String] { map(\.summary) }
}
