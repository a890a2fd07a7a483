/// One plan found in a source file. A gazette (公报) can hold several; a file that is not a plan holds none.
public struct PlanDocument: Sendable, Equatable {
    /// The plan's own title ("2022年区《政府工作报告》重点工作责任分解方案"), else the notice's title.
    public var title: String
    /// The issuing office, e.g. "武汉市东西湖区人民政府办公室".
    public var issuer: String?
    /// The document number, e.g. "东政办〔2022〕1号".
    public var docNumber: String?
    /// The signing date as ISO "yyyy-MM-dd".
    public var date: String?
    /// The plan year (from the title, else the date).
    public var year: Int?
    /// The tasks in document order.
    public var tasks: [PlanTask]
    /// Counts the document states about itself, with what was found.
    public var declaredCounts: [DeclaredCount]
    /// What a person should check.
    public var warnings: [ParseWarning]

    /// Creates a document.
    public init(
        title: String, issuer: String? = nil, docNumber: String? = nil, date: String? = nil, year: Int? = nil,
        tasks: [PlanTask] = [], declaredCounts: [DeclaredCount] = [], warnings: [ParseWarning] = []
    ) {
        self.title = title
        self.issuer = issuer
        self.docNumber = docNumber
        self.date = date
        self.year = year
        self.tasks = tasks
        self.declaredCounts = declaredCounts
        self.warnings = warnings
    }
}
