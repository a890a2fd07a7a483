/// Drawing a stacked bar chart: heading, legend, then per row a label line and a bar over a light track, its
/// total just past its end.
extension StackedBarChart {
    private static let labelSize = 12.0
    private static let valueSize = 11.0
    private static let barOffset = 18.0
    private static let barHeight = 14.0
    private static let rowHeight = 42.0

    /// The chart as a standalone SVG document; "暂无数据" when there are no rows or no series.
    public func svg() -> String {
        let frame = ChartFrame(rawID: id, title: title, description: description)
        guard !rows.isEmpty, !series.isEmpty else { return frame.emptyDocument() }
        var writer = SvgWriter()
        var y = frame.drawHeading(into: &writer)
        let legend = series.map { LegendItem(name: $0.name, paint: $0.paint, marker: .swatch) }
        y += ChartLegend.draw(legend, into: &writer, top: y) + 6
        let values = rows.map(values(of:))
        let totals = values.map { $0.reduce(0, +) }
        let totalRoom = (totals.map { SvgText.width(of: SvgNumber.text($0), fontSize: Self.valueSize) }.max() ?? 0) + 6
        let barRoom = ChartFrame.contentWidth - totalRoom
        let largest = totals.max() ?? 0
        for (index, row) in rows.enumerated() {
            let length = normalised ? barRoom : (largest > 0 ? totals[index] / largest * barRoom : 0)
            drawRow(
                row, values: values[index], length: totals[index] > 0 ? length : 0, room: barRoom, top: y, into: &writer
            )
            y += Self.rowHeight
        }
        return frame.document(
            height: y - Self.rowHeight + Self.barOffset + Self.barHeight + ChartFrame.padding, body: writer.body)
    }

    /// One row: its label, the track, the segments (with their value inside when it fits) and the total.
    private func drawRow(
        _ row: Row, values: [Double], length: Double, room: Double, top: Double, into writer: inout SvgWriter
    ) {
        let left = ChartFrame.padding
        let total = values.reduce(0, +)
        let label = SvgText.fitted(row.label, width: ChartFrame.contentWidth, fontSize: Self.labelSize)
        writer.openGroup([("class", "row")])
        writer.text(label, x: left, y: top + 13, size: Self.labelSize)
        let barTop = top + Self.barOffset
        writer.rect(
            x: left, y: barTop, width: room, height: Self.barHeight, paint: ChartPaint(color: ChartInk.track),
            className: "track", tooltip: row.label)
        var sum = 0.0
        for (index, value) in values.enumerated() where value > 0 {
            let start = rounded(left + sum / total * length)
            sum += value
            let end = rounded(left + sum / total * length)
            let paint = series[index].paint
            let share = normalised ? "（\(SvgNumber.percent(value, of: total))）" : ""
            writer.rect(
                x: start, y: barTop, width: end - start, height: Self.barHeight, paint: paint, className: "seg",
                tooltip: "\(row.label) · \(series[index].name)：\(SvgNumber.text(value))\(share)")
            let text = SvgNumber.text(value)
            if end - start >= SvgText.width(of: text, fontSize: Self.valueSize) + 6 {
                writer.text(
                    text, x: (start + end) / 2, y: barTop + 11, size: Self.valueSize, anchor: "middle",
                    fill: paint.outlined ? paint.color : ChartInk.white)
            }
        }
        writer.text(
            SvgNumber.text(total), x: left + length + 4, y: barTop + 11, size: Self.valueSize, fill: ChartInk.muted)
        writer.closeGroup()
    }

    /// A coordinate at the one decimal the output keeps, so neighbouring segments meet without gaps.
    private func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
