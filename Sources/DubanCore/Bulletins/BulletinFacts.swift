/// What a 督查通报 is drafted from: where each task of a plan stands at the end of a period, with its units,
/// figures and reasons, and for a round bulletin what the round found. Kept with the bulletin as it was when
/// drafted or refreshed, so an issued bulletin keeps the numbers it was built from.
public struct BulletinFacts: Sendable, Hashable, Codable {
    /// Where a task stands at the period's end, as bulletins sort them.
    public enum Standing: String, Sendable, Hashable, Codable, CaseIterable {
        case completed
        /// 按序时推进 and every figure at or ahead of 序时.
        case onPace = "on_pace"
        /// 滞后, 未启动 or 无法完成 declared, or a figure behind 序时 whatever the text says.
        case behind
        /// No report for the period.
        case unreported

        /// The label bulletins use.
        public var label: String {
            switch self {
            case .completed: "已完成"
            case .onPace: "按序时推进"
            case .behind: "进展滞后"
            case .unreported: "未报送"
            }
        }
    }

    /// A unit as the bulletin names it.
    public struct UnitRef: Sendable, Hashable, Codable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// A reported figure against its target.
    public struct Figure: Sendable, Hashable, Codable {
        /// "地区生产总值增长7.1%".
        public var text: String
        /// "增长8%左右".
        public var target: String
        public var standing: PaceAttainment.Standing
        /// "低于目标 0.9 个百分点"; "" unless behind.
        public var gap: String

        public init(text: String, target: String, standing: PaceAttainment.Standing, gap: String) {
            self.text = text
            self.target = target
            self.standing = standing
            self.gap = gap
        }
    }

    /// One task at the period's end.
    public struct TaskFact: Sendable, Hashable, Codable {
        public var taskID: String
        public var number: String
        public var text: String
        public var kind: TaskKind
        /// The units that report it (its 牵头单位 as a rule).
        public var units: [UnitRef]
        public var standing: Standing
        public var figures: [Figure]
        /// Why it is behind, as the unit wrote it; "" when none.
        public var reason: String
        /// Days the period's report came in late; 0 when on time or not filed.
        public var daysLate: Int
        /// True when the task was finished before its deadline or a figure beat its target this period.
        public var isAhead: Bool

        public init(
            taskID: String, number: String, text: String, kind: TaskKind, units: [UnitRef], standing: Standing,
            figures: [Figure] = [], reason: String = "", daysLate: Int = 0, isAhead: Bool = false
        ) {
            self.taskID = taskID
            self.number = number
            self.text = text
            self.kind = kind
            self.units = units
            self.standing = standing
            self.figures = figures
            self.reason = reason
            self.daysLate = daysLate
            self.isAhead = isAhead
        }
    }

    /// A 督查 finding a round bulletin reports.
    public struct FindingFact: Sendable, Hashable, Codable {
        public var taskID: String
        public var taskNumber: String
        public var unit: UnitRef
        public var problem: String
        /// "5月10日".
        public var due: String
        public var isClosed: Bool
        public var isOverdue: Bool

        public init(
            taskID: String, taskNumber: String, unit: UnitRef, problem: String, due: String, isClosed: Bool,
            isOverdue: Bool
        ) {
            self.taskID = taskID
            self.taskNumber = taskNumber
            self.unit = unit
            self.problem = problem
            self.due = due
            self.isClosed = isClosed
            self.isOverdue = isOverdue
        }
    }

    /// A quality flag on a report of the period that the 督查室 has not dismissed.
    public struct QualityFact: Sendable, Hashable, Codable {
        public var taskID: String
        public var taskNumber: String
        public var unit: UnitRef
        public var kind: QualityFlagKind
        public var evidence: String

        public init(taskID: String, taskNumber: String, unit: UnitRef, kind: QualityFlagKind, evidence: String) {
            self.taskID = taskID
            self.taskNumber = taskNumber
            self.unit = unit
            self.kind = kind
            self.evidence = evidence
        }
    }

    /// The plan's title.
    public var planTitle: String
    /// "2026年第三季度".
    public var periodLabel: String
    /// The last day of the period ("2026年9月30日").
    public var asOf: String
    /// The expected share of a year's count target at the period's end, in percent.
    public var expectedShare: Double
    public var tasks: [TaskFact]
    /// The round's title, for a round bulletin; nil otherwise.
    public var roundTitle: String?
    public var findings: [FindingFact]
    /// The period's reports' quality flags still standing.
    public var qualityFlags: [QualityFact]

    public init(
        planTitle: String, periodLabel: String, asOf: String, expectedShare: Double, tasks: [TaskFact],
        roundTitle: String? = nil, findings: [FindingFact] = [], qualityFlags: [QualityFact] = []
    ) {
        self.planTitle = planTitle
        self.periodLabel = periodLabel
        self.asOf = asOf
        self.expectedShare = expectedShare
        self.tasks = tasks
        self.roundTitle = roundTitle
        self.findings = findings
        self.qualityFlags = qualityFlags
    }

    private enum CodingKeys: String, CodingKey {
        case planTitle, periodLabel, asOf, expectedShare, tasks, roundTitle, findings, qualityFlags
    }

    /// Decodes stored facts; those kept before the quality checks existed have no flags.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        planTitle = try container.decode(String.self, forKey: .planTitle)
        periodLabel = try container.decode(String.self, forKey: .periodLabel)
        asOf = try container.decode(String.self, forKey: .asOf)
        expectedShare = try container.decode(Double.self, forKey: .expectedShare)
        tasks = try container.decode([TaskFact].self, forKey: .tasks)
        roundTitle = try container.decodeIfPresent(String.self, forKey: .roundTitle)
        findings = try container.decodeIfPresent([FindingFact].self, forKey: .findings) ?? []
        qualityFlags = try container.decodeIfPresent([QualityFact].self, forKey: .qualityFlags) ?? []
    }
}
