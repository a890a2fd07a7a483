/// A figure's course over a year in a few words' width: a line through the values reported so far, the
/// target (or its 序时 course) dashed beneath, for a row of a table where a full chart would not fit. The row
/// itself carries the numbers; the drawing is named for screen readers.
public struct Sparkline: Sendable, Hashable {
    /// The values by period; nil where nothing was reported.
    public var values: [Double?]
    /// The value expected at each period (the target, or its 序时 share); nil for none.
    public var expected: [Double?]
    /// What the drawing shows, for its accessible name.
    public var label: String

    public init(values: [Double?], expected: [Double?] = [], label: String) {
        self.values = values
        self.expected = expected
        self.label = label
    }

    static let width = 96.0
    static let height = 24.0

    /// The drawing: empty of lines when nothing was reported.
    public func svg() -> String {
        let all = (values + expected).compactMap { $0.flatMap(SvgNumber.finite) }
        var body = ""
        if let low = all.min(), let high = all.max() {
            let span = high - low == 0 ? 1 : high - low
            let count = max(values.count, expected.count)
            func points(_ series: [Double?]) -> [String] {
                series.enumerated().compactMap { index, value in
                    guard let value = value.flatMap(SvgNumber.finite) else { return nil }
                    let x = count > 1 ? 3 + Double(index) / Double(count - 1) * (Self.width - 6) : Self.width / 2
                    let y = Self.height - 3 - (value - low) / span * (Self.height - 6)
                    return "\(SvgNumber.text(x)),\(SvgNumber.text(y))"
                }
            }
            let target = points(expected)
            if target.count > 1 {
                body +=
                    "<polyline points=\"\(target.joined(separator: " "))\" fill=\"none\" stroke=\"\(ChartPalette.blue)\""
                body += " stroke-width=\"1\" stroke-dasharray=\"3 2\"/>"
            }
            let line = points(values)
            if line.count > 1 {
                body +=
                    "<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"\(ChartPalette.green)\""
                body += " stroke-width=\"1.5\"/>"
            }
            if let last = line.last {
                let xy = last.split(separator: ",")
                body += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2\" fill=\"\(ChartPalette.green)\"/>"
            }
        }
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" viewBox=\"0 0 \(SvgNumber.text(Self.width)) "
            + "\(SvgNumber.text(Self.height))\" width=\"\(SvgNumber.text(Self.width))\" height=\"\(SvgNumber.text(Self.height))\""
            + " role=\"img\" aria-label=\"\(SvgText.escaped(label))\">\(body)</svg>"
    }
}
