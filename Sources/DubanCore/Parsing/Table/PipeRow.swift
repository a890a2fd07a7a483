/// A table row written with vertical bars, as web pages saved as text and Markdown give them:
/// "2 | 推进省级县域综合医改试点… | 毛晓青 | 县卫健委 各相关乡镇政府 | … |".
enum PipeRow {
    /// The cells of a line holding at least two bars (either width), outer empty cells dropped; nil otherwise.
    static func cells(_ raw: Substring) -> [String]? {
        var bars = 0
        for scalar in raw.unicodeScalars where scalar == "|" || scalar == "｜" {
            bars += 1
            if bars >= 2 { break }
        }
        guard bars >= 2 else { return nil }
        var cells = raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "|" || $0 == "｜" })
            .map { LineCleaner.clean(Substring($0)) }
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        return cells.count >= 2 ? cells : nil
    }
}
