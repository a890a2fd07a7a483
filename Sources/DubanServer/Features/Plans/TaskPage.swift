/// The task page context: the page chrome (with the plan › section breadcrumbs) and the task.
struct TaskPage: Encodable {
    var page: PageChrome
    var task: TaskDetail
    /// The task's reporting page: work plans, progress reports, review.
    var reportingHref: String
    /// Each reporting unit's light today; empty for a withdrawn task or one no unit reports on.
    var lights: [TaskReportingPage.LightLine] = []
    /// The higher task this one localises, and the lower governments' tasks localising it.
    var cascade = CascadePanel(parent: nil, children: [], totals: [], editHref: "")
}

/// One task in full, built by `TaskPageQuery`.
struct TaskDetail: Encodable {
    /// The units of one role, in printed order.
    struct RoleUnits: Encodable {
        /// `AssignmentRole` raw value, for the badge's CSS class.
        var role: String
        var label: String
        var units: [LinkItem]
    }

    /// A leader with their title.
    struct LeaderLink: Encodable {
        var name: String
        var title: String
        var href: String
    }

    /// The lines of the source document around the task, numbered as the parser numbered them.
    struct SourceExcerpt: Encodable {
        /// One numbered line; `isTask` marks the task's own line.
        struct Line: Encodable, Equatable {
            var number: Int
            var text: String
            var isTask: Bool
        }

        var fileName: String
        var lineNumber: Int
        var lines: [Line]
    }

    var number: String
    var kind: String
    var kindLabel: String
    var text: String
    var deadline: String
    var planTitle: String
    var planHref: String
    /// Headings from the outermost in, each linking to its place on the plan page.
    var sections: [LinkItem]
    /// For cascaded tasks: the higher level's number and words; both empty otherwise.
    var parentNumber: String
    var parentText: String
    var hasParent: Bool
    var roles: [RoleUnits]
    var leaders: [LeaderLink]
    /// True when a revision of the plan withdrew the task; it is kept with what was reported.
    var withdrawn: Bool
    /// The whole plan is withdrawn (archived); the task itself may be in force within it.
    var planWithdrawn: Bool = false
    var hasSource: Bool
    var source: SourceExcerpt
}
