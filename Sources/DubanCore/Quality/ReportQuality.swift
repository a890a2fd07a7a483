/// Checks what a report says against what it shows and against other reports: text copied from the unit's
/// earlier report or shared with another unit's or task's, a status its own figures contradict, evidence already
/// filed for another task. The checks only flag, with the evidence for a person to judge; they never refuse a
/// report.
public enum ReportQuality {
    /// How alike two texts must be to count as the same wording.
    public static let defaultThreshold = 0.8

    /// A report as the checks see it.
    public struct Subject: Sendable, Hashable {
        public var id: String
        public var unitID: String
        public var unitName: String
        public var taskID: String
        public var taskNumber: String
        /// Orders the plan's periods: a report is compared with the same unit's earlier ones.
        public var periodOrder: Int
        public var periodLabel: String
        public var status: ReportStatus
        public var narrative: String
        public var figures: [DutyRecord.Figure]
        /// The evidence files by content hash, with their names.
        public var evidence: [Evidence]

        public init(
            id: String, unitID: String, unitName: String, taskID: String, taskNumber: String, periodOrder: Int,
            periodLabel: String, status: ReportStatus, narrative: String, figures: [DutyRecord.Figure] = [],
            evidence: [Evidence] = []
        ) {
            self.id = id
            self.unitID = unitID
            self.unitName = unitName
            self.taskID = taskID
            self.taskNumber = taskNumber
            self.periodOrder = periodOrder
            self.periodLabel = periodLabel
            self.status = status
            self.narrative = narrative
            self.figures = figures
            self.evidence = evidence
        }
    }

    /// An evidence file: its content's SHA-256 and its name.
    public struct Evidence: Sendable, Hashable {
        public var sha256: String
        public var fileName: String

        public init(sha256: String, fileName: String) {
            self.sha256 = sha256
            self.fileName = fileName
        }
    }

    /// One finding of the checks.
    public struct Flag: Sendable, Hashable {
        public var kind: QualityFlagKind
        /// The report the flag is on.
        public var reportID: String
        /// The report it was compared with, for the text and evidence checks.
        public var relatedReportID: String?
        /// How alike the texts are, 0…1, for the text checks.
        public var similarity: Double?
        /// What a person needs to judge it: "与本单位第一季度报告文字相同92%".
        public var evidence: String

        public init(
            kind: QualityFlagKind, reportID: String, relatedReportID: String? = nil, similarity: Double? = nil,
            evidence: String
        ) {
            self.kind = kind
            self.reportID = reportID
            self.relatedReportID = relatedReportID
            self.similarity = similarity
            self.evidence = evidence
        }
    }

    /// The flags of `report` against the plan's other current reports `others` (the report itself among them is
    /// ignored): its wording against the same unit's earlier reports on the task and against other units' and
    /// tasks' reports of the same period. At most one flag of each text kind: the most alike report.
    public static func check(
        _ report: Subject, against others: [Subject], threshold: Double = defaultThreshold
    ) -> [Flag] {
        var flags: [Flag] = []
        let own = TextShingles(report.narrative)
        if own.isComparable {
            let compared = others.filter { $0.id != report.id }.map {
                ($0, own.similarity(to: TextShingles($0.narrative)))
            }
            let earlier = compared.filter {
                $0.0.unitID == report.unitID && $0.0.taskID == report.taskID && $0.0.periodOrder < report.periodOrder
            }
            if let (other, similarity) = earlier.max(by: { $0.1 < $1.1 }), similarity >= threshold {
                flags.append(
                    Flag(
                        kind: .repeatedText, reportID: report.id, relatedReportID: other.id, similarity: similarity,
                        evidence: "与本单位\(other.periodLabel)报告的文字相同\(percent(similarity))%"))
            }
            // Another unit's, or another task's, report of the same period: what one office copies from another.
            let elsewhere = compared.filter {
                ($0.0.unitID != report.unitID || $0.0.taskID != report.taskID) && $0.0.periodOrder == report.periodOrder
            }
            if let (other, similarity) = elsewhere.max(by: { $0.1 < $1.1 }), similarity >= threshold {
                let whose =
                    other.unitID == report.unitID
                    ? "本单位第\(other.taskNumber)项任务" : "\(other.unitName)第\(other.taskNumber)项任务"
                flags.append(
                    Flag(
                        kind: .sharedText, reportID: report.id, relatedReportID: other.id, similarity: similarity,
                        evidence: "与\(whose)\(other.periodLabel)报告的文字相同\(percent(similarity))%"))
            }
        }
        if report.status == .completed {
            let short = report.figures.filter { !$0.reachesTarget }
            if !short.isEmpty {
                flags.append(
                    Flag(
                        kind: .completedBelowTarget, reportID: report.id,
                        evidence: "报已完成，但" + short.map { "\($0.text)（目标\($0.target)）" }.joined(separator: "、")
                            + "未达年度目标"))
            }
        }
        if report.status == .onSchedule {
            let behind = report.figures.filter { $0.standing == .behindPace }
            if !behind.isEmpty {
                flags.append(
                    Flag(
                        kind: .onScheduleBehindPace, reportID: report.id,
                        evidence: "报按序时推进，但"
                            + behind.map {
                                "\($0.text)\($0.gap.isEmpty ? "" : "，" + $0.gap.replacingOccurrences(of: " ", with: ""))"
                            }
                            .joined(separator: "；")))
            }
        }
        for file in report.evidence {
            guard
                let other = others.first(where: { other in
                    other.taskID != report.taskID && other.evidence.contains { $0.sha256 == file.sha256 }
                })
            else { continue }
            flags.append(
                Flag(
                    kind: .reusedEvidence, reportID: report.id, relatedReportID: other.id,
                    evidence:
                        "佐证材料“\(file.fileName)”与\(other.unitName)第\(other.taskNumber)项任务\(other.periodLabel)报告的材料完全相同"))
        }
        return flags
    }

    private static func percent(_ value: Double) -> String {
        String(Int((value * 100).rounded()))
    }
}
