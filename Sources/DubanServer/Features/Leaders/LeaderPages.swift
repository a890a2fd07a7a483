import Foundation

/// The leader list: every leader of the government with their portfolio and number of tasks.
struct LeaderListPage: Encodable {
    /// One leader.
    struct Row: Encodable {
        var name: String
        var title: String
        var portfolio: String
        var taskCount: Int
        var href: String
    }

    var page: PageChrome
    var leaders: [Row]
}

/// One leader's page: their tasks grouped by plan.
struct LeaderPage: Encodable {
    var page: PageChrome
    var leader: LeaderDetail
    /// The board of the portfolio.
    var board: LeaderBoard
    /// True when the leader reads their own page: it is their home.
    var isOwn: Bool
    /// The board's pages, as the shared pager partial reads it.
    var pager: Pager

    init(page: PageChrome, leader: LeaderDetail, board: LeaderBoard, isOwn: Bool) {
        self.page = page
        self.leader = leader
        self.board = board
        self.isOwn = isOwn
        pager = board.pager
    }
}

/// A leader and their tasks, built by `LeaderQuery`.
struct LeaderDetail: Encodable {
    /// The leader's tasks in one plan, in plan order: the first `LeaderQuery.tasksShownPerPlan`, with a link to
    /// the search that lists them all when there are more.
    struct PlanTasks: Encodable {
        var title: String
        var href: String
        var tasks: [TaskLine]
        var total = 0
        /// The search for every task of the leader in the plan; empty when all are shown.
        var moreHref = ""
    }

    var name: String
    var title: String
    var portfolio: String
    var taskCount: Int
    var plans: [PlanTasks]
    /// The tasks, for the board.
    var taskIDs: [UUID] = []
}
