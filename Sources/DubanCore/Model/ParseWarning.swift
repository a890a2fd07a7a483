/// Something in a document a person should look at: the parser never drops a doubt silently.
public struct ParseWarning: Sendable, Codable, Equatable, Hashable {
    /// 1-based line in the decoded text.
    public var line: Int
    /// A Chinese sentence for the 督查室 clerk.
    public var message: String

    /// Creates a warning.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// A count a document states about itself ("共135项"), checked against what was found, because a mismatch is
/// the quickest sign that a task was missed or split.
public struct DeclaredCount: Sendable, Codable, Equatable, Hashable {
    /// The phrase as printed, e.g. "共135项" or "涉及新洲区的103项工作任务".
    public var text: String
    /// The number the document declares.
    public var declared: Int
    /// How many tasks the parser found in the scope the phrase speaks of.
    public var found: Int

    /// Creates a declared count.
    public init(text: String, declared: Int, found: Int) {
        self.text = text
        self.declared = declared
        self.found = found
    }
}
