/// Drawing a line chart: heading, legend, the unit, the value grid, then each series as a path broken at
/// missing values, with a dot and its value at every point.
extension LineChart {
    private static let plotHeight = 180.0
    private static let valueSize = 10.0

    /// The chart as a standalone SVG document; "暂无数据" when there are no periods, series or values.
    public func svg() -> String {
        let frame = ChartFrame(rawID: id, title: title, description: description)
        let values = drawableValues
        guard !xLabels.isEmpty, let lowest = values.min(), let highest = values.max() else {
            return frame.emptyDocument()
        }
        var writer = SvgWriter()
        var y = frame.drawHeading(into: &writer)
        let legend = series.map {
            LegendItem(name: $0.name, paint: ChartPaint(color: $0.color), marker: .line(dashed: $0.dashed))
        }
        y += ChartLegend.draw(legend, into: &writer, top: y)
        let suffix = unit.count == 1 ? unit : ""
        if !unit.isEmpty, suffix.isEmpty {
            writer.text("单位：\(unit)", x: ChartFrame.padding, y: y + 12, size: 11, fill: ChartInk.muted)
            y += 16
        }
        let scale = NiceScale(minimum: lowest, maximum: highest)
        let left = ChartFrame.padding + ValueAxis.labelWidth(scale, suffix: suffix)
        let right = ChartFrame.width - ChartFrame.padding
        let axis = ValueAxis(
            scale: scale, top: y + 14, bottom: y + 14 + Self.plotHeight, left: left, right: right, suffix: suffix)
        axis.draw(into: &writer)
        let categories = CategoryAxis(left: left, width: right - left, labels: xLabels)
        categories.draw(into: &writer, y: axis.bottom + 16)
        for index in series.indices {
            draw(index, axis: axis, categories: categories, suffix: suffix, into: &writer)
        }
        return frame.document(height: axis.bottom + 16 + 4 + ChartFrame.padding, body: writer.body)
    }

    /// One series: its path, then a dot per point and, when the slots leave room, its value beside the dot
    /// (see `labelGoesBelow`).
    private func draw(
        _ seriesIndex: Int, axis: ValueAxis, categories: CategoryAxis, suffix: String, into writer: inout SvgWriter
    ) {
        var line = series[seriesIndex]
        // Validated again here: `color` is a var, and may have been set after the series was made.
        line.color = ChartPalette.validated(line.color)
        let path = pathData(line, axis: axis, categories: categories)
        writer.openGroup([("class", "series")])
        var attributes = [("d", path), ("fill", "none"), ("stroke", line.color), ("stroke-width", "2")]
        if line.dashed { attributes.append(("stroke-dasharray", "6 4")) }
        if !path.isEmpty { writer.add("path", attributes) }
        let showsValues = categories.slot >= 24
        for index in xLabels.indices {
            guard let value = value(of: line, at: index) else { continue }
            let x = categories.center(index)
            let y = axis.y(value)
            let text = SvgNumber.text(value) + suffix
            writer.add(
                "circle",
                [("cx", SvgNumber.text(x)), ("cy", SvgNumber.text(y)), ("r", "3"), ("fill", line.color)],
                tooltip: "\(xLabels[index]) · \(line.name)：\(SvgNumber.text(value))\(unit)")
            if showsValues {
                let below = labelGoesBelow(seriesIndex, at: index) && y + 14 < axis.bottom - 2
                writer.text(
                    text, x: x, y: below ? y + 14 : y - 6, size: Self.valueSize, anchor: "middle", fill: line.color
                )
            }
        }
        writer.closeGroup()
    }

    /// The path through the points of `line`, starting a new stroke after each missing value.
    private func pathData(_ line: Series, axis: ValueAxis, categories: CategoryAxis) -> String {
        var path = ""
        var drawing = false
        for index in xLabels.indices {
            guard let value = value(of: line, at: index) else {
                drawing = false
                continue
            }
            path += drawing ? " L" : (path.isEmpty ? "M" : " M")
            path += "\(SvgNumber.text(categories.center(index))) \(SvgNumber.text(axis.y(value)))"
            drawing = true
        }
        return path
    }

    /// Whether a point's value goes under it: only the highest point at a period is labelled above, so the
    /// labels of an actual and its target, often close, land on opposite sides of their dots.
    private func labelGoesBelow(_ seriesIndex: Int, at index: Int) -> Bool {
        guard let own = value(of: series[seriesIndex], at: index) else { return false }
        return series.indices.contains { other in
            guard other != seriesIndex, let value = value(of: series[other], at: index) else { return false }
            return value > own || (value == own && other < seriesIndex)
        }
    }
}
