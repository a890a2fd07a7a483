/// Drawing a column chart: heading, the value grid, the columns with their counts on top, the bin labels.
extension ColumnChart {
    private static let plotHeight = 160.0
    private static let valueSize = 11.0

    /// The chart as a standalone SVG document; "暂无数据" when there are no bins.
    public func svg() -> String {
        let frame = ChartFrame(rawID: id, title: title, description: description)
        guard !bins.isEmpty else { return frame.emptyDocument() }
        var writer = SvgWriter()
        let top = frame.drawHeading(into: &writer) + 14
        let counts = bins.map { Double(max($0.count, 0)) }
        let scale = NiceScale(minimum: 0, maximum: counts.max() ?? 0, wholeSteps: true)
        let left = ChartFrame.padding + ValueAxis.labelWidth(scale, suffix: "")
        let right = ChartFrame.width - ChartFrame.padding
        let axis = ValueAxis(
            scale: scale, top: top, bottom: top + Self.plotHeight, left: left, right: right, suffix: "")
        axis.draw(into: &writer)
        let categories = CategoryAxis(left: left, width: right - left, labels: bins.map(\.label))
        let columnWidth = categories.slot * 0.62
        let paint = ChartPaint(color: color)
        for (index, count) in counts.enumerated() {
            let x = categories.center(index)
            let columnTop = axis.y(count)
            writer.rect(
                x: x - columnWidth / 2, y: columnTop, width: columnWidth, height: axis.bottom - columnTop,
                paint: paint, className: "col", tooltip: "\(bins[index].label)：\(SvgNumber.text(count))")
            let text = SvgNumber.text(count)
            if categories.slot >= SvgText.width(of: text, fontSize: Self.valueSize) + 2 {
                writer.text(text, x: x, y: columnTop - 4, size: Self.valueSize, anchor: "middle", fill: ChartInk.text)
            }
        }
        categories.draw(into: &writer, y: axis.bottom + 16)
        return frame.document(height: axis.bottom + 16 + 4 + ChartFrame.padding, body: writer.body)
    }
}
