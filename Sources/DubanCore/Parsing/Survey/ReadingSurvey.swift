/// What the reader looked for in a text and how much of it was there: the answer a clerk gets when a plan
/// gives no task, so the next step is clear — number the tasks, add role labels, or use the template.
public struct ReadingSurvey: Sendable, Equatable {
    /// Lines that start like a task ("1.", "（3）", "第五条" …).
    public var numberedLines = 0
    /// Section headings ("一、", "（一）" …).
    public var headingLines = 0
    /// Lines or sentences that name a role ("牵头单位：", "责任领导：" …).
    public var roleLines = 0
    /// Rows of a table header the reader recognises (序号 / 任务 / 牵头单位 …).
    public var tableHeaders = 0
    /// Non-empty lines.
    public var lines = 0

    /// Surveys `text` line by line with the reader's own line classes.
    public static func survey(text: String) -> ReadingSurvey {
        var survey = ReadingSurvey()
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(20_000) {
            let line = LineCleaner.collapseSpaces(String(raw.prefix(2_000)))
            guard !line.isEmpty else { continue }
            survey.lines += 1
            if raw.contains("\t"), TableHeader.detect(raw.split(separator: "\t").map(String.init)) != nil {
                survey.tableHeaders += 1
                continue
            }
            switch LineStart.classify(line) {
            case .numbered: survey.numberedLines += 1
            case .heading: survey.headingLines += 1
            case .roleLabel: survey.roleLines += 1
            default: if line.bytesContain("牵头") || line.bytesContain("责任单位") { survey.roleLines += 1 }
            }
        }
        return survey
    }

    /// The findings in the clerk's words, one sentence each.
    public var findings: [String] {
        [
            "共 \(lines) 行文字。",
            "编号的任务行（如“1.”“（3）”）：\(numberedLines) 行。",
            "分部分标题（如“一、”“（一）”）：\(headingLines) 行。",
            "写明分工的行（如“牵头单位：”“责任领导：”）：\(roleLines) 行。",
            "分解表的表头（序号、任务、牵头单位……）：\(tableHeaders) 行。",
        ]
    }

    /// What the reader needs and did not find, as advice.
    public var advice: String {
        if lines == 0 { return "文件中没有读出文字。若是扫描件，请先转为可复制文字的 Word 或 PDF，或使用导入模板。" }
        if numberedLines == 0 && tableHeaders == 0 {
            return "没有找到编号的任务行或分解表的表头。可以在下方把某几行标为任务，或下载导入模板填写后上传。"
        }
        if roleLines == 0 && tableHeaders == 0 {
            return "找到了编号的行，但没有写明牵头单位、责任单位等分工，无法确定哪些是任务。可以把行标为任务并补上分工，或使用导入模板。"
        }
        return "找到的内容不足以组成任务。可以把行标为任务、逐项添加，或下载导入模板填写后上传。"
    }
}
