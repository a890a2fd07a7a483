/// Reads a decoded plan document into structured tasks.
///
/// The file is cut into documents; in each, table regions are read by `TableLayoutParser` and the running
/// text by `ParagraphLayoutParser`, then same-task rows are merged, declared counts checked and warnings
/// added. Text that is not a plan (no task names any unit or leader) yields no document.
public enum PlanParser {
    /// Parses decoded text. Never throws: what cannot be read becomes a warning or is left out.
    public static func parse(text: String) -> [PlanDocument] {
        UnitListCache.$current.withValue(UnitListCache()) {
            let lines = FlattenedTable.expand(SourceLine.lines(of: text))
            var documents: [PlanDocument] = []
            for range in DocumentSplitter.split(lines) {
                guard !ParseBudget.stop else { break }
                if let document = parseDocument(lines[range]) { documents.append(document) }
                guard !tooManyDocuments(documents.count) else { break }
            }
            return documents
        }
    }

    /// Parses like `parse(text:)` within `limits`, and throws the limit reached instead of returning what a
    /// stopped parse found. Every import and `duban parse` read files this way.
    public static func parse(text: String, limits: ParseLimits) throws(PlanParseError) -> [PlanDocument] {
        try checkSize(text, limits)
        let budget = ParseBudget(limits)
        let documents = ParseBudget.$current.withValue(budget) { parse(text: text) }
        if let reached = budget.exceeded { throw reached }
        return documents
    }

    /// Refuses a text larger than any plan before reading a line of it (UTF-8 size: constant time).
    private static func checkSize(_ text: String, _ limits: ParseLimits) throws(PlanParseError) {
        let bytes = text.utf8.count
        guard bytes <= limits.maximumBytes else { throw .tooLarge(bytes: bytes, limit: limits.maximumBytes) }
    }

    /// Records the document limit in the budget when `count` passes it.
    private static func tooManyDocuments(_ count: Int) -> Bool {
        guard let budget = ParseBudget.current, count > budget.limits.maximumDocuments else { return false }
        budget.tooManyDocuments(found: count)
        return true
    }

    /// Parses decoded text like `parse(text:)`, reading the documents of a gazette concurrently: they are
    /// independent, and a gazette of a dozen documents is the largest input users hand in.
    public static func parseConcurrently(text: String) async -> [PlanDocument] {
        let cache = UnitListCache()
        let lines = UnitListCache.$current.withValue(cache) { FlattenedTable.expand(SourceLine.lines(of: text)) }
        let ranges = DocumentSplitter.split(lines)
        guard ranges.count > 1 else {
            return UnitListCache.$current.withValue(cache) { ranges.compactMap { parseDocument(lines[$0]) } }
        }
        return await withTaskGroup(of: (Int, PlanDocument?).self) { group in
            for (index, range) in ranges.enumerated() {
                group.addTask {
                    guard !ParseBudget.stop else { return (index, nil) }
                    return (index, UnitListCache.$current.withValue(cache) { parseDocument(lines[range]) })
                }
            }
            var documents = [PlanDocument?](repeating: nil, count: ranges.count)
            var found = 0
            for await (index, document) in group {
                documents[index] = document
                found += document == nil ? 0 : 1
                _ = tooManyDocuments(found)
            }
            return documents.compactMap { $0 }
        }
    }

    /// `parseConcurrently(text:)` within `limits`; throws the limit reached.
    public static func parseConcurrently(text: String, limits: ParseLimits) async throws(PlanParseError)
        -> [PlanDocument]
    {
        try checkSize(text, limits)
        let budget = ParseBudget(limits)
        let documents = await ParseBudget.$current.withValue(budget) { await parseConcurrently(text: text) }
        if let reached = budget.exceeded { throw reached }
        return documents
    }

    private static func parseDocument(_ lines: ArraySlice<SourceLine>) -> PlanDocument? {
        let titles = TitleFinder.planTitles(in: lines)
        let tables = TableLayoutParser.parse(lines)
        let firstTitleLine = titles.first?.firstLine
        let blocks = BlockBuilder.blocks(of: lines, skip: tables.claimedLines, titles: titles)
        let prose = ParagraphLayoutParser.parse(blocks, bodyStarted: firstTitleLine == nil)
        var tasks = (prose.tasks + tables.result.tasks).sorted { $0.line < $1.line }
        guard tasks.contains(where: { !$0.roles.isEmpty }) else { return nil }
        if let rule = LeadConvention.rule(in: lines) { tasks = tasks.map { LeadConvention.apply(rule, to: $0) } }
        var warnings = prose.warnings + tables.result.warnings
        if LeadConvention.rule(in: lines) != nil {
            // The notice says the first unit leads: no task's lead is a guess.
            warnings.removeAll { $0.message.bytesHasPrefix(BareUnitList.inferredLeadPrefix) }
        }
        TaskKeys.makeUnique(&tasks)
        for task in tasks where !task.roles.hasUnits {
            warnings.append(ParseWarning(line: task.line, message: "任务 \(task.number) 未写明责任单位"))
        }
        let declared = prose.declaredCounts + tables.result.declaredCounts
        for count in declared where count.declared != count.found {
            let line = tasks.first?.line ?? lines.first?.number ?? 1
            warnings.append(
                ParseWarning(
                    line: line, message: "文件声明“\(count.text)”，实际识别出 \(count.found) 项，请核对"))
        }
        let metadata = DocumentMetadata.read(lines)
        let title = documentTitle(titles: titles, tables: tables, lines: lines)
        // A table titled with the plan's own title files its rows under nothing more than the plan itself.
        for index in tasks.indices where tasks[index].sections == [title] { tasks[index].sections = [] }
        return PlanDocument(
            title: title, issuer: metadata.issuer, docNumber: metadata.docNumber, date: metadata.date,
            year: DocumentMetadata.year(title: title, date: metadata.date), tasks: tasks,
            declaredCounts: declared, warnings: warnings.sorted { $0.line < $1.line })
    }

    /// The plan's own title; for a notice carrying several annexed tables, the notice's title.
    private static func documentTitle(titles: [TitleSpan], tables: TableParseResult, lines: ArraySlice<SourceLine>)
        -> String
    {
        let notice = TitleFinder.noticeTitle(in: lines)?.text
        if tables.annexCount > 1, let notice { return notice }
        return titles.first?.text ?? notice ?? TitleFinder.announcedTitle(in: lines) ?? "未命名方案"
    }
}

/// Keeps task keys unique inside a document.
enum TaskKeys {
    /// Appends "#2", "#3" … to repeated keys, in document order.
    static func makeUnique(_ tasks: inout [PlanTask]) {
        var seen: [String: Int] = [:]
        for index in tasks.indices {
            let key = tasks[index].key
            let count = (seen[key] ?? 0) + 1
            seen[key] = count
            if count > 1 { tasks[index].key = "\(key)#\(count)" }
        }
    }
}
