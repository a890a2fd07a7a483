/// What `ReportingRules.detect(in:year:)` read from a notice: complete rules (defaults where the notice is
/// silent), which fields the notice stated, the sentences it stated them in, and notes for the admin who
/// confirms the rules.
public struct DetectedReportingRules: Sendable, Hashable {
    /// The rules to propose: stated fields as read, the others from `ReportingRules.default`.
    public var rules: ReportingRules
    /// The plan year used to place printed dates (the one given, else the first year printed in the rule
    /// sentences); nil when neither says.
    public var planYear: Int?
    /// What was read, one entry per stated field, in field order.
    public var findings: [Finding]
    /// Things noticed that the rules cannot express, or a second date worth knowing about.
    public var remarks: [String]

    /// One stated field.
    public struct Finding: Sendable, Hashable {
        /// The field.
        public var field: ReportingRules.Field
        /// The value read, as a short Chinese phrase.
        public var summary: String
        /// The sentence it was read from, as folded (full-width punctuation made ASCII, spaces removed).
        public var quote: String

        /// Creates a finding.
        public init(field: ReportingRules.Field, summary: String, quote: String) {
            self.field = field
            self.summary = summary
            self.quote = quote
        }
    }

    /// Creates a detection result.
    public init(rules: ReportingRules, planYear: Int?, findings: [Finding], remarks: [String] = []) {
        self.rules = rules
        self.planYear = planYear
        self.findings = findings
        self.remarks = remarks
    }

    /// The fields the notice stated.
    public var stated: Set<ReportingRules.Field> { Set(findings.map(\.field)) }

    /// The fields left at their defaults, in field order.
    public var defaulted: [ReportingRules.Field] { ReportingRules.Field.allCases.filter { !stated.contains($0) } }

    /// One Chinese line per field — what the notice says or which default is used — then the remarks: the
    /// checklist the admin confirms.
    public var notes: [String] {
        let fieldNotes = ReportingRules.Field.allCases.map { field in
            stated.contains(field)
                ? "\(field.label)：\(rules.summary(of: field))（通知写明）"
                : "\(field.label)：\(rules.summary(of: field))（通知未写明，使用默认值）"
        }
        return fieldNotes + remarks
    }
}
