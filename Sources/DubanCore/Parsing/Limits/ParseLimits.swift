/// How much work one parse may do. A plan is at most a few thousand tasks and a few hundred kilobytes of text;
/// anything far beyond is a mistake or an attack, and reading it without bounds would hold a server thread
/// (and the database, on import) for minutes.
public struct ParseLimits: Sendable, Equatable {
    /// Tasks over every document of one file. The largest real plans hold a few hundred; a province's biggest
    /// decomposition table stays well below this.
    public var maximumTasks: Int
    /// Documents with tasks in one file: a gazette (公报) issue prints a dozen or so.
    public var maximumDocuments: Int
    /// Wall-clock time for the whole parse.
    public var timeLimit: Duration
    /// The decoded text's size in UTF-8 bytes, checked before anything is read: the largest real plans are a few
    /// hundred kilobytes, and the time limit is checked between steps, so one enormous text must not get that far.
    public var maximumBytes: Int

    /// Creates limits.
    public init(
        maximumTasks: Int = 5_000, maximumDocuments: Int = 30, timeLimit: Duration = .seconds(30),
        maximumBytes: Int = 8 * 1024 * 1024
    ) {
        self.maximumTasks = maximumTasks
        self.maximumDocuments = maximumDocuments
        self.timeLimit = timeLimit
        self.maximumBytes = maximumBytes
    }

    /// The limits every import and `duban parse` apply.
    public static let standard = ParseLimits()
}

/// A parse that stopped at one of its limits. Nothing of a stopped parse is used: a partial plan imported as
/// if whole would be worse than none.
public enum PlanParseError: Error, Sendable, Equatable {
    case tooManyTasks(limit: Int)
    case tooManyDocuments(found: Int, limit: Int)
    case tooSlow(seconds: Int)
    /// The text is larger than any plan: its size and the limit, in UTF-8 bytes.
    case tooLarge(bytes: Int, limit: Int)

    /// One English line for the terminal.
    public var message: String {
        switch self {
        case .tooManyTasks(let limit):
            "the file holds more than \(limit) tasks, more than one import may create; split it into its plans"
        case .tooManyDocuments(let found, let limit):
            "the file holds \(found) plans, more than the \(limit) one import may create; import them in parts"
        case .tooSlow(let seconds):
            "reading the file took longer than \(seconds) seconds and was stopped; check that it is a plan document"
        case .tooLarge(let bytes, let limit):
            "the file's text is \(Self.megabytes(bytes)) MB, more than the \(Self.megabytes(limit)) MB a plan may be; check that it is a plan document"
        }
    }

    /// One Simplified Chinese sentence for the pages and the API.
    public var chineseMessage: String {
        switch self {
        case .tooManyTasks(let limit):
            "文件中的任务超过 \(limit) 项，超出一次导入的上限。请按方案拆分为多个文件后分别导入。"
        case .tooManyDocuments(let found, let limit):
            "文件中包含 \(found) 个方案，超出一次导入 \(limit) 个的上限。请分批导入。"
        case .tooSlow(let seconds):
            "读取文件超过 \(seconds) 秒仍未完成，已停止。请确认上传的是责任分解方案文件。"
        case .tooLarge(let bytes, let limit):
            "文件的文字有 \(Self.megabytes(bytes)) MB，超过方案文件 \(Self.megabytes(limit)) MB 的上限。请确认上传的是责任分解方案文件。"
        }
    }

    /// "8", "16.3": megabytes with at most one decimal.
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
