import DubanCore

/// A hand-written outline of a demo plan: its headings and, under them, groups of task phrases with the units
/// and leader they go to. `DemoPlanBuilder` turns it into a `PlanDocument` and the document's text.
struct DemoPlanBlueprint: Sendable {
    var title: String
    var year: Int
    var docNumber: String
    /// Signing date, ISO "yyyy-MM-dd".
    var date: String
    var groups: [DemoTaskGroup]
}

/// One heading as printed, with the key marker it contributes ("二", "一"; none for "——" headings).
struct DemoHeading: Sendable, Equatable {
    var title: String
    var marker: String?
    var overallLead: [String] = []

    /// A top heading: "一、主要预期目标".
    static func top(_ marker: String, _ title: String) -> DemoHeading {
        DemoHeading(title: "\(marker)、\(title)", marker: marker)
    }

    /// A second-level heading: "(一)坚持创新驱动…".
    static func sub(_ marker: String, _ title: String) -> DemoHeading {
        DemoHeading(title: "(\(marker))\(title)", marker: marker)
    }

    /// A "——" group heading, usually with its 总牵头单位.
    static func dash(_ title: String, overallLead: [String]) -> DemoHeading {
        DemoHeading(title: "——\(title)", marker: nil, overallLead: overallLead)
    }
}

/// Tasks under the same headings that share a leader and a pool of units. A group with one phrase keeps all
/// its units; a larger group draws each task's units from the pools, as real plans vary them task by task.
struct DemoTaskGroup: Sendable {
    var headings: [DemoHeading]
    var kind: TaskKind = .task
    var leader: String
    var lead: [String] = []
    var responsible: [String] = []
    var assisting: [String] = []
    /// How likely a task gets a printed deadline.
    var deadlineChance = 0.35
    var phrases: [String]
}
