/// The higher government's task that a cascaded row localises, as the lower document quotes it.
public struct ParentTask: Sendable, Codable, Equatable, Hashable {
    /// The higher document's own number for the task ("64"), or "" when the quotation carries none.
    public var number: String
    /// The higher document's words.
    public var text: String

    /// Creates a parent reference.
    public init(number: String, text: String) {
        self.number = number
        self.text = text
    }
}
