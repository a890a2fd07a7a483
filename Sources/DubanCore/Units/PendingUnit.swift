/// One item of a list before sharing: its own text, the aliases it gave in brackets, and its kind.
struct PendingUnit: Sendable, Equatable {
    /// The name as written in the item, brackets and notes removed, not yet completed.
    var base: String
    /// Bracketed other names, not yet given a level prefix.
    var aliases: [String]
    /// True when the base stands for many units.
    var isCollective: Bool
}
