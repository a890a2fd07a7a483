/// A printed unit ("1.2万人", "2500公顷", "4万吨/日") read as a multiple of a base unit, so a district's figure can be
/// set against the city's: "1500亩" is 100 公顷, "8000人" is 0.8 万人. Only conversions that are exact by
/// definition are made; units that measure different things (人 and 人次, 套 and 个) stay apart.
public struct MeasureUnit: Sendable, Equatable {
    /// The base unit a value converts to: "亩" for areas, "公里" for lengths, "公斤" for weights, "元" for money,
    /// "人" for people counted as 人 or 名, otherwise the printed unit without its magnitude.
    public var base: String
    /// What one printed unit is in `base`: 10000 for "万人", 15 for "公顷" (to 亩).
    public var factor: Double
    /// A rate suffix ("/日"), which must match for two units to compare.
    public var rate: String

    /// The unit as printed.
    public init(_ printed: String) {
        var text = Substring(printed)
        var rate = ""
        if let slash = text.firstIndex(where: { $0 == "/" || $0 == "／" }) {
            rate = "/" + text[text.index(after: slash)...]
            text = text[..<slash]
        }
        var factor = 1.0
        for (word, scale) in Self.magnitudes where text.hasPrefix(word) && text.count > word.count {
            factor = scale
            text = text.dropFirst(word.count)
            break
        }
        if text == "万" || text == "亿" || text == "千" {
            factor = Self.magnitudes.first { $0.0 == String(text) }?.1 ?? 1
            text = ""
        }
        let (base, baseFactor) = Self.bases[String(text)] ?? (String(text), 1)
        self.base = base
        self.factor = factor * baseFactor
        self.rate = rate
    }

    /// Whether values in the two units can be compared after conversion.
    public func converts(to other: MeasureUnit) -> Bool { base == other.base && rate == other.rate }

    /// `value` in this unit expressed in `other`, when they convert.
    public func convert(_ value: Double, to other: MeasureUnit) -> Double? {
        converts(to: other) ? value * factor / other.factor : nil
    }

    private static let magnitudes: [(String, Double)] = [
        ("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4), ("亿", 1e8), ("千", 1e3),
    ]

    /// Printed units that are a multiple of another: areas to 亩, lengths to 公里, weights to 公斤, people to 人.
    private static let bases: [String: (String, Double)] = [
        "亩": ("亩", 1), "公顷": ("亩", 15), "平方公里": ("亩", 1500), "平方千米": ("亩", 1500),
        "平方米": ("亩", 0.0015), "平米": ("亩", 0.0015),
        "公里": ("公里", 1), "千米": ("公里", 1), "km": ("公里", 1), "米": ("公里", 0.001),
        "公斤": ("公斤", 1), "千克": ("公斤", 1), "吨": ("公斤", 1000), "斤": ("公斤", 0.5),
        "元": ("元", 1), "人": ("人", 1), "名": ("人", 1),
        "％": ("%", 1), "﹪": ("%", 1),
    ]
}
