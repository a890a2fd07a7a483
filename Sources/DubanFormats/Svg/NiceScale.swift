import Foundation

/// A value axis with round ticks (0, 25, 50 … or −5, 0, 5 …), chosen by the nice-number rule: the smallest step
/// of 1, 2, 2.5 or 5 times a power of ten that covers the data, and zero, in at most `maxIntervals` steps.
/// Zero is always on the axis, so bar lengths and line heights are never exaggerated by a cut-off baseline.
struct NiceScale: Equatable {
    /// The lowest tick, at or below both zero and the smallest value.
    let lower: Double
    /// The highest tick, at or above both zero and the largest value.
    let upper: Double
    /// The distance between ticks.
    let step: Double

    /// Values beyond this are clamped: no 督查 figure is that large, and it keeps the arithmetic finite.
    private static let limit = 1e15

    /// A scale covering `minimum`…`maximum` and zero. `wholeSteps` keeps steps at whole numbers, for counts.
    /// An all-zero range gets the axis 0…1.
    init(minimum: Double, maximum: Double, maxIntervals: Int = 4, wholeSteps: Bool = false) {
        let low = max(min(minimum.isFinite ? minimum : 0, 0), -Self.limit)
        var high = min(max(maximum.isFinite ? maximum : 0, 0), Self.limit)
        if high - low <= 0 { high = low + 1 }
        let step = Self.step(low: low, high: high, maxIntervals: Double(max(maxIntervals, 1)), wholeSteps: wholeSteps)
        self.step = step
        self.lower = (low / step + 1e-9).rounded(.down) * step
        self.upper = (high / step - 1e-9).rounded(.up) * step
    }

    /// Every tick from `lower` to `upper`, each computed from its index so no rounding error builds up.
    var ticks: [Double] {
        let first = Int((lower / step).rounded())
        let last = Int((upper / step).rounded())
        return (first...max(first, last)).map { Double($0) * step }
    }

    private static func step(low: Double, high: Double, maxIntervals: Double, wholeSteps: Bool) -> Double {
        let rough = (high - low) / maxIntervals
        // Tick labels print one decimal at most, so steps stop at 0.1 (and 0.25 is never used).
        let start = max(Int(log10(rough).rounded(.down)) - 1, wholeSteps ? 0 : -1)
        for exponent in start...(start + 4) {
            let power = pow(10, Double(exponent))
            for multiple in [1.0, 2.0, 2.5, 5.0] {
                if multiple == 2.5, exponent < (wholeSteps ? 1 : 0) { continue }
                let step = multiple * power
                let intervals = (high / step - 1e-9).rounded(.up) - (low / step + 1e-9).rounded(.down)
                if intervals <= maxIntervals { return step }
            }
        }
        return pow(10, Double(start + 5))
    }
}
