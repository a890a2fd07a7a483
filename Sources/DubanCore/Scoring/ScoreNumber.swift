/// Fixed-point arithmetic and number text for scores.
///
/// Points are added in whole hundredths (a total of many 0.1s must not drift the way `Double` does: 0.1 + 0.2 is
/// not 0.3), and each line is rounded once, when it is weighted; the total is the exact sum of its lines. A
/// scheme's points and weights are read in ten-thousandths, more than any admin types.
enum ScoreNumber {
    /// Ten-thousandths per point: the precision a scheme's points and weights are read at.
    static let schemeScale = 10_000
    /// Hundredths per point: the precision of a line and of a total.
    static let scoreScale = 100
    /// A weighted product is in (1/schemeScale)², so this many of its units make one hundredth.
    static let productPerHundredth = schemeScale * schemeScale / scoreScale
    /// Values beyond this many points are clamped, so a corrupt scheme cannot overflow the integer sums.
    private static let magnitudeLimit = 100_000.0

    /// `value` in units of 1/`scale`, rounded half away from zero; 0 for a non-finite number and clamped to
    /// ±100,000 points, so scoring an unvalidated scheme never traps.
    static func fixed(_ value: Double, scale: Int) -> Int {
        guard value.isFinite else { return 0 }
        let clamped = min(max(value, -magnitudeLimit), magnitudeLimit)
        return Int((clamped * Double(scale)).rounded())
    }

    /// A fixed-point value in scheme units, clamped to the same ±100,000 points as `fixed`.
    static func clampedSchemeUnits(_ units: Int) -> Int {
        let limit = Int(magnitudeLimit) * schemeScale
        return min(max(units, -limit), limit)
    }

    /// `numerator / divisor` rounded half away from zero, in integers (`divisor` positive).
    static func divideRounded(_ numerator: Int, by divisor: Int) -> Int {
        let half = divisor / 2
        return numerator >= 0 ? (numerator + half) / divisor : -((-numerator + half) / divisor)
    }

    /// Hundredths as a `Double`, the form scores are published in.
    static func points(_ hundredths: Int) -> Double {
        Double(hundredths) / Double(scoreScale)
    }

    /// A fixed-point value as text without trailing zeros: "1", "0.5", "0.15", "-2".
    static func text(_ units: Int, scale: Int) -> String {
        let magnitude = units.magnitude
        let unsignedScale = UInt(max(scale, 1))
        let whole = String(magnitude / unsignedScale)
        let sign = units < 0 ? "-" : ""
        let digits = String(unsignedScale - 1).count
        guard digits > 0, magnitude % unsignedScale != 0 else { return sign + whole }
        let fraction = String(magnitude % unsignedScale)
        let padded = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        let trimmed = padded.reversed().drop(while: { $0 == "0" }).reversed()
        return sign + whole + "." + String(trimmed)
    }

    /// Points as they appear in sentences: at most two decimals, no trailing zeros ("0.5", "1", "105").
    static func text(points: Double) -> String {
        text(fixed(points, scale: scoreScale), scale: scoreScale)
    }

    /// Points given in hundredths, as text.
    static func text(hundredths: Int) -> String {
        text(hundredths, scale: scoreScale)
    }

    /// A scheme value (points or weight) at its full precision, as text.
    static func text(schemeUnits: Int) -> String {
        text(schemeUnits, scale: schemeScale)
    }

    /// A weight as 督查 rules print coefficients: always with a decimal ("1.0", "0.6", "0.25").
    static func weightText(_ weight: Double) -> String {
        let text = text(schemeUnits: fixed(weight, scale: schemeScale))
        return text.contains(".") ? text : text + ".0"
    }
}

extension ScoreEngine {
    /// Points as pages, bulletins and notices print them: "98.85", "100", "-0.15", never "100.0".
    public static func text(points: Double) -> String { ScoreNumber.text(points: points) }
}
