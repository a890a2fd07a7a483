/// The vertical value axis of a line or column chart: maps values to heights and draws the grid with its
/// labels. A one-character unit ("%") follows each label; a longer one ("亿元") is named once above the plot.
struct ValueAxis {
    let scale: NiceScale
    let top: Double
    let bottom: Double
    let left: Double
    let right: Double
    let suffix: String

    private static let fontSize = 11.0

    /// The room the tick labels of `scale` need to the left of the plot.
    static func labelWidth(_ scale: NiceScale, suffix: String) -> Double {
        let widths = scale.ticks.map { SvgText.width(of: SvgNumber.text($0) + suffix, fontSize: fontSize) }
        return (widths.max() ?? 0) + 6
    }

    /// The height of `value`, held inside the plot.
    func y(_ value: Double) -> Double {
        let span = scale.upper - scale.lower
        let clamped = min(max(value, scale.lower), scale.upper)
        return bottom - (clamped - scale.lower) / span * (bottom - top)
    }

    /// Grid lines at every tick, the zero line darker, and the labels right-aligned before the plot.
    func draw(into writer: inout SvgWriter) {
        for tick in scale.ticks {
            let y = y(tick)
            writer.line(x1: left, y1: y, x2: right, y2: y, stroke: tick == 0 ? ChartInk.axis : ChartInk.grid)
            writer.text(
                SvgNumber.text(tick) + suffix, x: left - 5, y: y + 4, size: Self.fontSize, anchor: "end",
                fill: ChartInk.muted)
        }
    }
}

/// The horizontal category axis: equal slots, one per label. When labels are wider than their slots, only every
/// n-th is drawn so they never overlap; the table beside the chart still has them all.
struct CategoryAxis {
    let left: Double
    let width: Double
    let labels: [String]

    static let fontSize = 11.0

    /// The width of one category's slot.
    var slot: Double { labels.isEmpty ? width : width / Double(labels.count) }

    /// The middle of the slot of category `index`.
    func center(_ index: Int) -> Double {
        left + (Double(index) + 0.5) * slot
    }

    /// Draws the labels with their baseline at `y`.
    func draw(into writer: inout SvgWriter, y: Double) {
        let widest = labels.map { SvgText.width(of: $0, fontSize: Self.fontSize) }.max() ?? 0
        let stride = max(1, Int(((widest + 4) / max(slot, 1)).rounded(.up)))
        for (index, label) in labels.enumerated() where index % stride == 0 {
            let text = SvgText.fitted(label, width: slot * Double(stride) - 2, fontSize: Self.fontSize)
            writer.text(text, x: center(index), y: y, size: Self.fontSize, anchor: "middle", fill: ChartInk.muted)
        }
    }
}
