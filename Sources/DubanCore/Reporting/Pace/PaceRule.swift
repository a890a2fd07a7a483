import Foundation

/// 序时进度: how much of a year's target is expected by the end of a reporting period. By default the elapsed
/// share of the year — 第一季度 25 %, 上半年 50 %, 1–11月 91.7 % — which is how 督查室 bulletins state it; a plan
/// may say otherwise for some months (a project front-loaded or back-loaded), which the 督查室 sets on the
/// plan's rules page.
public struct PaceRule: Sendable, Hashable, Codable {
    /// Expected share of the year's target in percent, by the month a period ends in (1–12), where the plan
    /// departs from the elapsed share. Months not listed take the elapsed share.
    public var shareByMonth: [Int: Double]

    /// The elapsed share for every month.
    public static let elapsedTime = PaceRule(shareByMonth: [:])

    /// Creates a rule; shares outside 0–100 and months outside 1–12 are dropped.
    public init(shareByMonth: [Int: Double]) {
        self.shareByMonth = shareByMonth.filter { (1...12).contains($0.key) && (0...100).contains($0.value) }
    }

    private enum CodingKeys: String, CodingKey { case shareByMonth }

    /// Decodes stored rules through the same checks as `init(shareByMonth:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(shareByMonth: try container.decodeIfPresent([Int: Double].self, forKey: .shareByMonth) ?? [:])
    }

    /// The expected share, in percent, at the end of `period`: the whole year (100) for a whole-year report.
    public func expectedShare(at period: ReportingPeriod) -> Double {
        let month = period.coversWholeYear ? 12 : period.index * period.cycle.monthsPerPeriod
        return shareByMonth[month] ?? Double(month) / 12 * 100
    }

    /// "3月 30%，6月 55%", or "" for the elapsed share throughout.
    public var overridesText: String {
        shareByMonth.sorted { $0.key < $1.key }.map { "\($0.key)月 \(PaceFigure.text($0.value))%" }
            .joined(separator: "，")
    }

    /// Reads "3月 30%，6月 55%" (or "3:30, 6:55"): month and percent pairs, separated by commas, 、 or spaces.
    /// Returns nil when a pair cannot be read, so the form can say which.
    public static func parse(_ text: String) -> PaceRule? {
        var shares: [Int: Double] = [:]
        let pairs = text.split(whereSeparator: { "，,、;；\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for pair in pairs {
            let numbers = pair.split(whereSeparator: { !($0.isNumber || $0 == ".") }).compactMap { Double($0) }
            guard numbers.count == 2, let month = Int(exactly: numbers[0]), (1...12).contains(month),
                (0...100).contains(numbers[1])
            else { return nil }
            shares[month] = numbers[1]
        }
        return PaceRule(shareByMonth: shares)
    }
}

/// Figures as bulletins print them: no needless ".0", one decimal otherwise.
enum PaceFigure {
    static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
