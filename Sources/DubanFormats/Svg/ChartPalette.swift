/// Duban's chart colours, one per task status, so a bar for 已完成 is the same green on every page and in print.
/// Callers may pass any colour as `#rrggbb`; anything else (a CSS name, `url(…)`, a typo) draws in the neutral
/// grey, so a colour can never carry markup or an external reference into a page.
public enum ChartPalette {
    /// 已完成 / 按时办结.
    public static let green = "#1d6b3a"
    /// 临期 / 进展缓慢.
    public static let yellow = "#b07d00"
    /// 逾期 / 未完成.
    public static let red = "#a8201a"
    /// 未启动, and the fallback for an unreadable colour.
    public static let grey = "#8a919c"
    /// Targets and plans (目标值, 序时进度), set apart from the status colours.
    public static let blue = "#1f4e8c"
    /// 推进中 (pending, not yet due): a green outline, so it reads as "on track, not done" even in black-and-white.
    public static let pending = ChartPaint(color: green, outlined: true)

    /// `color` in lower case when it is `#rrggbb`, otherwise the neutral grey.
    public static func validated(_ color: String) -> String {
        let bytes = Array(color.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return grey }
        let isHex: (UInt8) -> Bool = { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
        guard bytes.dropFirst().allSatisfy(isHex) else { return grey }
        return color.lowercased()
    }
}

/// How one series is painted: a solid fill, or (for 推进中) an outline in the colour over white, which stays
/// distinguishable from the solid green when printed without colour.
public struct ChartPaint: Sendable, Hashable {
    /// Always `#rrggbb`: an invalid colour was replaced by the neutral grey when the paint was made.
    public let color: String
    /// True draws the outline instead of the fill.
    public let outlined: Bool

    /// A paint of `color` (validated, see `ChartPalette.validated`).
    public init(color: String, outlined: Bool = false) {
        self.color = ChartPalette.validated(color)
        self.outlined = outlined
    }
}

/// The fixed inks of every chart (text, grid, empty track): not status colours, so not in the public palette.
enum ChartInk {
    static let text = "#1f2328"
    static let muted = "#5b6370"
    static let grid = "#e3e6ea"
    static let axis = "#8a919c"
    static let track = "#eef0f3"
    static let white = "#ffffff"
}
