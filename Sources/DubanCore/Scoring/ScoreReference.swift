/// The record an event came from, so the score page can link each line to the report, work plan, finding,
/// bulletin or quality flag behind it. The id is the server's and opaque here.
public struct ScoreReference: Sendable, Hashable, Codable {
    /// What kind of record the id names.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case report
        case workPlan = "work_plan"
        case finding
        case bulletin
        case flag
    }

    /// What kind of record it is.
    public var kind: Kind
    /// The record's id.
    public var id: String

    /// Creates a reference.
    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }
}
