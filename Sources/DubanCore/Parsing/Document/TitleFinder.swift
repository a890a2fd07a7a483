/// A title, possibly printed over two lines.
struct TitleSpan: Sendable, Equatable {
    let firstLine: Int
    let lastLine: Int
    let text: String
}

/// Finds the titles in a document: the plan's own ("…责任分解方案", "…分解表") and the notice's ("关于印发…的通知").
///
/// The plan title also marks where the plan body starts: numbered paragraphs of the covering notice above it
/// are not tasks.
enum TitleFinder {
    private static let planSuffixes = [
        "分解方案", "分解表", "工作方案", "实施方案", "行动方案", "任务清单", "责任清单", "事项清单", "分工方案",
        "任务分工", "责任分工", "分工意见", "工作要点", "行动计划", "推进方案", "落实方案", "分解",
    ]

    /// Plan titles, in document order.
    static func planTitles(in lines: ArraySlice<SourceLine>) -> [TitleSpan] {
        var titles: [TitleSpan] = []
        for index in lines.indices {
            let line = lines[index]
            guard line.cells == nil, isPlanTitleLine(line.compact), LineStart.classify(line.compact) == nil else {
                continue
            }
            var first = line.number
            var text = line.compact
            if let previous = previousTextLine(in: lines, before: index), canPrefixTitle(previous.compact) {
                first = previous.number
                text = previous.compact + text
            }
            guard text.scalarCountIsAtLeast(8) else { continue }
            titles.append(TitleSpan(firstLine: first, lastLine: line.number, text: text))
        }
        return titles
    }

    /// The plan a news report or a lead paragraph says was issued — "…办公厅印发《2023年省〈政府工作报告〉工作任务
    /// 分工方案》…" — for a page that prints neither the plan's title nor its notice's. Only the first lines are
    /// looked at, and only a name that reads as a plan's.
    static func announcedTitle(in lines: ArraySlice<SourceLine>) -> String? {
        for line in lines.prefix(12) where line.cells == nil {
            var rest = Substring(line.compact)
            while let issued = rest.range(of: "印发") {
                rest = rest[issued.upperBound...]
                if rest.hasPrefix("了") { rest = rest.dropFirst() }
                guard rest.hasPrefix("《"), let close = rest.firstIndex(of: "》") else { continue }
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                if (6...80).contains(name.count), planWords.contains(where: { name.bytesContain($0) }) { return name }
            }
        }
        return nil
    }

    /// Words a plan's name holds.
    private static let planWords = ["方案", "分工", "分解", "清单", "意见", "任务", "实事", "计划"]

    /// The covering notice's title ("区人民政府办公室关于印发…的通知"), joined over up to three lines.
    static func noticeTitle(in lines: ArraySlice<SourceLine>) -> TitleSpan? {
        for index in lines.indices {
            let line = lines[index]
            guard line.cells == nil, ["关于", "關于", "關於"].contains(where: { line.compact.bytesContain($0) }),
                line.compact.scalarCountIsAtMost(80), !line.compact.bytesHasPrefix("按照"),
                !line.compact.bytesHasPrefix("根据"), !line.compact.bytesContain("。"), !isBreadcrumb(line.compact)
            else { continue }
            var text = line.compact
            var last = line.number
            var next = index + 1
            while !endsNotice(text), next < lines.endIndex, next <= index + 4 {
                let candidate = lines[next]
                next += 1
                guard !candidate.compact.isEmpty else { continue }
                guard candidate.cells == nil, candidate.compact.scalarCountIsAtMost(40) else { break }
                text += candidate.compact
                last = candidate.number
            }
            if endsNotice(text) {
                return TitleSpan(firstLine: line.number, lastLine: last, text: text)
            }
        }
        return nil
    }

    private static func endsNotice(_ text: String) -> Bool {
        ["通知", "意见", "决定", "的函", "意見", "決定"].contains { text.bytesHasSuffix($0) }
    }

    /// A site's "you are here" trail ("600字范文 > 湖南省人民政府关于…"): the page's title is printed again
    /// on its own line below it.
    private static func isBreadcrumb(_ text: String) -> Bool {
        [">", "＞", "›", "»", "当前位置", "當前位置"].contains { text.bytesContain($0) }
    }

    private static func isPlanTitleLine(_ text: String) -> Bool {
        planSuffixes.contains(where: { text.bytesHasSuffix($0) }) && text.scalarCountIsAtMost(60)
            && !["。", "，", ",", "关于", "……"].contains(where: { text.bytesContain($0) })
    }

    /// The first half of a title printed over two lines: short, no punctuation, not a date or signature.
    private static func canPrefixTitle(_ text: String) -> Bool {
        guard text.scalarCountIsAtMost(40), let last = text.last, !CharacterClass.isSentenceEnd(last),
            !text.bytesContain("，"), !text.bytesContain(","), !text.bytesContain("。"),
            LineStart.classify(text) == nil, DocumentMetadata.date(in: text) == nil,
            !DocumentMetadata.isOrganisationName(text), !isPlanTitleLine(text)
        else { return false }
        return true
    }

    private static func previousTextLine(in lines: ArraySlice<SourceLine>, before index: Int) -> SourceLine? {
        var cursor = index - 1
        while cursor >= lines.startIndex, cursor >= index - 3 {
            let line = lines[cursor]
            if line.cells != nil { return nil }
            if !line.compact.isEmpty { return line }
            cursor -= 1
        }
        return nil
    }
}
