/// Collects a chart's SVG elements in drawing order. Attributes are written in the order given and numbers go
/// through `SvgNumber`, so the output is the same bytes for the same chart; every text is escaped here, in one
/// place, rather than at each call.
struct SvgWriter {
    /// The elements so far, one per line.
    private(set) var body = ""

    /// One element: empty, or holding `text`, or holding a `<title>` tooltip (shown on hover, read by screen
    /// readers for that mark).
    mutating func add(_ name: String, _ attributes: [(String, String)], text: String? = nil, tooltip: String? = nil) {
        var element = "<" + name
        for (key, value) in attributes {
            element += " \(key)=\"\(SvgText.escaped(value))\""
        }
        if let text {
            element += ">\(SvgText.escaped(text))</\(name)>"
        } else if let tooltip {
            element += "><title>\(SvgText.escaped(tooltip))</title></\(name)>"
        } else {
            element += "/>"
        }
        body += element + "\n"
    }

    /// A line of text; `anchor` is "start", "middle" or "end".
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: String = "start", fill: String = ChartInk.text,
        bold: Bool = false
    ) {
        var attributes = [("x", SvgNumber.text(x)), ("y", SvgNumber.text(y)), ("font-size", SvgNumber.text(size))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if bold { attributes.append(("font-weight", "bold")) }
        attributes.append(("fill", fill))
        add("text", attributes, text: content)
    }

    /// A rectangle filled with `paint`, or outlined in its colour over white.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, paint: ChartPaint, className: String? = nil,
        tooltip: String? = nil
    ) {
        var attributes: [(String, String)] = []
        if let className { attributes.append(("class", className)) }
        attributes += [
            ("x", SvgNumber.text(x)), ("y", SvgNumber.text(y)), ("width", SvgNumber.text(width)),
            ("height", SvgNumber.text(height)),
        ]
        if paint.outlined {
            attributes += [("fill", ChartInk.white), ("stroke", paint.color), ("stroke-width", "1.5")]
        } else {
            attributes.append(("fill", paint.color))
        }
        add("rect", attributes, tooltip: tooltip)
    }

    /// A straight line, solid or dashed.
    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false
    ) {
        var attributes = [
            ("x1", SvgNumber.text(x1)), ("y1", SvgNumber.text(y1)), ("x2", SvgNumber.text(x2)),
            ("y2", SvgNumber.text(y2)), ("stroke", stroke), ("stroke-width", SvgNumber.text(width)),
        ]
        if dashed { attributes.append(("stroke-dasharray", "6 4")) }
        add("line", attributes)
    }

    /// Opens a group that later elements belong to until `closeGroup()`.
    mutating func openGroup(_ attributes: [(String, String)]) {
        var element = "<g"
        for (key, value) in attributes {
            element += " \(key)=\"\(SvgText.escaped(value))\""
        }
        body += element + ">\n"
    }

    /// Closes the group opened last.
    mutating func closeGroup() {
        body += "</g>\n"
    }
}
