/// One difference between a published plan and its revised document, as the admin accepts or refuses it.
public struct TaskChange: Sendable, Equatable, Identifiable {
    /// What happened to the task.
    public enum Kind: String, Sendable, Equatable {
        /// The revision has a task the plan does not.
        case added
        /// The plan has a task the revision no longer lists.
        case removed
        /// The same task, with different words, number, section, leaders, units or deadline.
        case changed
    }

    /// A part of a task that can change.
    public enum Field: String, Sendable, CaseIterable, Comparable {
        case number, section, text, leaders, units, deadline

        /// The Chinese label shown in the diff.
        public var label: String {
            switch self {
            case .number: "序号"
            case .section: "所属部分"
            case .text: "任务内容"
            case .leaders: "责任领导"
            case .units: "责任单位"
            case .deadline: "完成时限"
            }
        }

        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public var kind: Kind
    /// The task as published (nil when added).
    public var old: TaskSnapshot?
    /// The task as revised (nil when removed).
    public var new: TaskSnapshot?
    /// What differs, for `changed`.
    public var fields: [Field]

    /// Stable across page loads of the same draft and plan, for the accept checkboxes: the kind and the key
    /// of the side that exists (the published key for changes).
    public var id: String {
        switch kind {
        case .added: "added:\(new?.key ?? "")"
        case .removed: "removed:\(old?.key ?? "")"
        case .changed: "changed:\(old?.key ?? "")"
        }
    }
}
