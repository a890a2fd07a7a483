/// What every chart shares: the root `<svg>` with its accessible name, the visible heading, and the small
/// "暂无数据" drawing for a chart without data, so a page never has to special-case an empty query.
struct ChartFrame {
    /// The drawing's width in user units. Close to a phone's 390 px, so at `width="100%"` text is drawn near the
    /// size it was set at; wider screens scale it up evenly.
    static let width = 400.0
    /// The margin on every side.
    static let padding = 12.0
    /// The width left for marks between the margins.
    static let contentWidth = width - 2 * padding
    /// The fonts tried in order: Noto first (on the servers and in the PDF renderer), then what phones and
    /// office PCs carry.
    static let fontFamily =
        "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
        + "'WenQuanYi Micro Hei', sans-serif"

    /// The chart's id, already safe (see `SvgText.identifier`); the title and description ids derive from it.
    let id: String
    let title: String
    let description: String

    /// A frame for a chart whose caller-given id is `rawID`.
    init(rawID: String, title: String, description: String) {
        self.id = SvgText.identifier(rawID)
        self.title = title
        self.description = description
    }

    /// The whole document: `body` inside the root element, `height` user units tall.
    func document(height: Double, body: String) -> String {
        let titleID = id + "-title"
        let descID = id + "-desc"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""
        svg += " viewBox=\"0 0 \(SvgNumber.text(Self.width)) \(SvgNumber.text(height))\" width=\"100%\""
        svg += " role=\"img\" aria-labelledby=\"\(titleID) \(descID)\""
        svg += " font-family=\"\(Self.fontFamily)\" font-size=\"12\">\n"
        svg += "<title id=\"\(titleID)\">\(SvgText.escaped(title))</title>\n"
        svg += "<desc id=\"\(descID)\">\(SvgText.escaped(description))</desc>\n"
        return svg + body + "</svg>\n"
    }

    /// Draws the title (up to two lines) at the top and returns where the content below it starts.
    func drawHeading(into writer: inout SvgWriter) -> Double {
        let fontSize = 15.0
        let lines = SvgText.wrapped(title, width: Self.contentWidth, fontSize: fontSize, maxLines: 2)
        var y = Self.padding
        for line in lines {
            writer.text(line, x: Self.padding, y: y + fontSize, size: fontSize, bold: true)
            y += 21
        }
        return y + (lines.isEmpty ? 0 : 6)
    }

    /// The drawing for a chart with nothing to show: the title and a framed "暂无数据".
    func emptyDocument() -> String {
        var writer = SvgWriter()
        let top = drawHeading(into: &writer)
        let boxHeight = 64.0
        writer.add(
            "rect",
            [
                ("x", SvgNumber.text(Self.padding)), ("y", SvgNumber.text(top)),
                ("width", SvgNumber.text(Self.contentWidth)), ("height", SvgNumber.text(boxHeight)),
                ("fill", ChartInk.white), ("stroke", ChartInk.grid), ("stroke-dasharray", "4 3"),
            ])
        writer.text(
            "暂无数据", x: Self.width / 2, y: top + boxHeight / 2 + 5, size: 14, anchor: "middle", fill: ChartInk.muted)
        return document(height: top + boxHeight + Self.padding, body: writer.body)
    }
}
