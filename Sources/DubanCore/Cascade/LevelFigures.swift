import Foundation

/// Figures reported at two levels for the same thing: a higher task's count and the lower governments' slices of
/// it. The slices, converted exactly into the higher unit, add up to at most what the higher level reports for
/// the whole; a higher figure below that sum means one of the levels has it wrong.
public enum LevelFigures {
    /// One figure as a report gives it.
    public struct Reported: Sendable, Hashable {
        public var label: String
        public var unit: String
        public var value: Double

        public init(label: String, unit: String, value: Double) {
            self.label = label
            self.unit = unit
            self.value = value
        }
    }

    /// A lower government's contribution to one higher target, in the higher target's unit.
    public struct Part: Sendable, Hashable {
        public var government: String
        public var value: Double

        public init(government: String, value: Double) {
            self.government = government
            self.value = value
        }
    }

    /// The higher figure, against the sum of the lower ones, when the higher one is short of it.
    public struct Contradiction: Sendable, Hashable {
        public var target: QuantifiedTarget
        public var whole: Double
        public var sum: Double
        public var parts: [Part]

        /// "改造老旧小区12个，少于下级同期已报合计20个（青溪区12个、白沙区8个）".
        public var evidence: String {
            let unit = target.unit
            let parts = parts.map { "\($0.government)\(LevelFigures.format($0.value))\(unit)" }
                .joined(separator: "、")
            return
                "\(target.label)\(LevelFigures.format(whole))\(unit)，少于下级同期已报合计\(LevelFigures.format(sum))\(unit)（\(parts)）"
        }
    }

    /// A lower report's figures for the higher task's own `targets`, each converted exactly into its unit: the
    /// figures of the lower targets compared as a slice of a higher one (`TargetLocalisation.share`), matched with
    /// the higher target by label (or, failing that, by wording). Growth rates and levels are never added up.
    public static func contributions(
        _ figures: [Reported], localisations: [TargetLocalisation], to targets: [QuantifiedTarget]
    ) -> [(target: QuantifiedTarget, value: Double)] {
        localisations.compactMap { item in
            guard item.share != nil, let parent = item.parent, let local = item.local,
                let target = targets.first(where: { $0.label == parent.label })
                    ?? targets.first(where: {
                        CharacterPairs($0.label).overlap(with: CharacterPairs(parent.label)) >= 0.5
                    }),
                let figure = figures.first(where: { $0.label == local.label && $0.unit == local.unit }),
                let converted = MeasureUnit(local.unit).convert(figure.value, to: MeasureUnit(target.unit))
            else { return nil }
            return (target, converted)
        }
    }

    /// Where the higher level's figure for `target` is below what the lower levels reported for the same period.
    /// A government that reported through several units counts once, with its largest figure, so a co-unit
    /// repeating its lead unit's number is not added twice. A rounding margin of 0.5 ‰ is allowed.
    public static func contradiction(whole: Double, target: QuantifiedTarget, parts: [Part]) -> Contradiction? {
        let (sum, counted) = total(parts)
        guard !counted.isEmpty, whole < sum - max(abs(sum) * 0.0005, 1e-9) else { return nil }
        return Contradiction(target: target, whole: whole, sum: sum, parts: counted)
    }

    /// The lower governments' parts added up, each government once with its largest figure, in first-seen order.
    public static func total(_ parts: [Part]) -> (sum: Double, parts: [Part]) {
        var largest: [String: Double] = [:]
        var order: [String] = []
        for part in parts {
            if largest[part.government] == nil { order.append(part.government) }
            largest[part.government] = max(largest[part.government] ?? part.value, part.value)
        }
        let counted = order.map { Part(government: $0, value: largest[$0] ?? 0) }
        return (counted.map(\.value).reduce(0, +), counted)
    }

    /// "各下级同期报送合计：白沙区5个、青溪区6个" when `value` is what the lower governments reported for the period
    /// added up — the higher level's figure answered from what was already reported; nil otherwise.
    public static func source(of value: Double, target: QuantifiedTarget, parts: [Part]) -> String? {
        let (sum, counted) = total(parts)
        guard !counted.isEmpty, abs(value - sum) <= max(abs(sum) * 0.0005, 1e-9) else { return nil }
        return "各下级同期报送合计："
            + counted.map { "\($0.government)\(format($0.value))\(target.unit)" }.joined(separator: "、")
    }

    /// A figure as a page prints it: whole numbers without a decimal point, others with up to three decimals.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let rounded = (value * 1000).rounded() / 1000
        return String(rounded)
    }
}
