/// One entry of a legend: a series name and the mark that stands for it.
struct LegendItem {
    /// How the entry's sample is drawn: a square for bars, a short line for a line chart's series.
    enum Marker {
        case swatch
        case line(dashed: Bool)
    }

    let name: String
    let paint: ChartPaint
    let marker: Marker
}

/// Draws a legend as a row of entries that wraps onto further rows, so five statuses fit a phone's width
/// without shrinking the text.
enum ChartLegend {
    private static let fontSize = 12.0
    private static let rowHeight = 20.0
    private static let sampleWidth = 16.0
    private static let spacing = 14.0

    /// Draws `items` from `top` down and returns the height used (nothing for no items).
    static func draw(_ items: [LegendItem], into writer: inout SvgWriter, top: Double) -> Double {
        guard !items.isEmpty else { return 0 }
        let maxWidth = ChartFrame.contentWidth
        var x = 0.0
        var y = top
        for item in items {
            let name = SvgText.fitted(item.name, width: maxWidth - sampleWidth - 4, fontSize: fontSize)
            let itemWidth = sampleWidth + 4 + SvgText.width(of: name, fontSize: fontSize)
            if x > 0, x + itemWidth > maxWidth {
                x = 0
                y += rowHeight
            }
            let left = ChartFrame.padding + x
            drawSample(item, x: left, y: y, into: &writer)
            writer.text(name, x: left + sampleWidth + 4, y: y + 13, size: fontSize)
            x += itemWidth + spacing
        }
        return y + rowHeight - top
    }

    private static func drawSample(_ item: LegendItem, x: Double, y: Double, into writer: inout SvgWriter) {
        switch item.marker {
        case .swatch:
            writer.rect(x: x + 2, y: y + 3, width: 11, height: 11, paint: item.paint)
        case .line(let dashed):
            writer.line(
                x1: x, y1: y + 9, x2: x + sampleWidth, y2: y + 9, stroke: item.paint.color, width: 2, dashed: dashed)
        }
    }
}
