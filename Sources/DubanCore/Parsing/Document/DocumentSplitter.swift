/// Cuts a file into the documents it holds. A gazette (公报) prints many documents one after another, each
/// starting with its number line ("新政办〔2023〕5号") under an optional "…文件" header.
enum DocumentSplitter {
    /// Ranges of `lines`, one per document, covering every line.
    static func split(_ lines: [SourceLine]) -> [Range<Int>] {
        var starts: [Int] = []
        for index in lines.indices
        where lines[index].cells == nil && DocumentMetadata.isDocNumberLine(lines[index].compact) {
            starts.append(headerStart(lines, numberLine: index))
        }
        guard !starts.isEmpty else { return [lines.startIndex..<lines.endIndex] }
        starts[0] = lines.startIndex
        var ranges: [Range<Int>] = []
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1] : lines.endIndex
            if start < end { ranges.append(start..<end) }
        }
        return ranges
    }

    /// The "…人民政府文件" header printed just above a number line belongs to the same document.
    private static func headerStart(_ lines: [SourceLine], numberLine: Int) -> Int {
        var cursor = numberLine - 1
        while cursor >= 0, numberLine - cursor <= 4 {
            let text = lines[cursor].text
            if text.bytesHasSuffix("文件") { return cursor }
            if !text.isEmpty { break }
            cursor -= 1
        }
        return numberLine
    }
}
