/// The plan page: the plan's particulars, its counts by kind, the table of contents, and one page of its sections
/// with their tasks.
struct PlanPage: Encodable {
    var page: PageChrome
    var plan: PlanDetail
    /// The plan's pages, as the shared pager partial reads it.
    var pager: Pager
    /// The search page limited to this plan.
    var searchHref: String
    /// The plan's 分解表 as XLSX and CSV.
    var exportXlsxHref: String
    var exportCsvHref: String
    /// The upload form preset to revise this plan, for the administrator; empty for others.
    var reviseHref: String
    /// "已修订 2 次，最近：新增 1 项，修改 5 项…"; empty when never revised.
    var revisionNote: String
    /// The plan's reporting rules page, for the 督查室; empty for others.
    var rulesHref: String
    /// "2026-12-03 09:30 撤回：误导入" for a withdrawn plan; empty for one in force.
    var withdrawalNote: String
    /// The withdrawal's confirmation page (plan in force) or the restore action (withdrawn), for the
    /// administrator; empty for others.
    var withdrawHref: String
    var restoreAction: String
    /// "方案已撤回。" or "方案已恢复。" after the action; empty otherwise.
    var notice: String
    /// The 附表 and score downloads and pages the user may open: 完成情况汇总, 督办工作人员名单, 考核得分, 考核办法.
    var supervision: [LinkItem] = []
    /// The plan's public progress page while published; "" otherwise.
    var publicHref = ""
    /// The 督查室's switch that publishes or withdraws it; "" for others.
    var publicAction = ""
    /// The page confirming a cascaded plan's higher tasks, for its 督查室; "" otherwise.
    var parentsHref = ""
    /// Said when a higher government's office reads a lower government's plan; "" on one's own.
    var foreignNote = ""
}

/// What the plan page shows of one plan, built by `PlanPageQuery`.
struct PlanDetail: Encodable {
    /// One line of the table of contents: every section of the plan, linking to the page that shows it.
    struct ContentsEntry: Encodable {
        var href: String
        var title: String
        var depth: Int
        var total: Int
    }

    /// One section heading with its counts and the tasks directly under it on this page.
    struct SectionBlock: Encodable {
        /// The fragment id the table of contents and task breadcrumbs link to.
        var anchor: String
        /// "#" + anchor, for the table of contents.
        var href: String
        var title: String
        /// 1 for the outermost headings; the stylesheet indents by it.
        var depth: Int
        /// `aria-level` of the heading: the page title is level 1.
        var headingLevel: Int
        var total: Int
        var kinds: [KindCount]
        /// True when the section began on an earlier page: the heading says "（续）".
        var continued: Bool
        var tasks: [TaskLine]
    }

    var id: String
    var title: String
    var year: Int
    var docNumber: String
    var issuer: String
    var issuedOn: String
    var sourceFileName: String
    /// "2026-12-03 09:30 撤回：误导入" for a withdrawn plan; empty for one in force.
    var withdrawalNote: String
    /// Every kind, zeros included.
    var kinds: [KindCount]
    var total: Int
    /// Every section, for the table of contents.
    var contents: [PlanDetail.ContentsEntry]
    /// The sections on this page.
    var sections: [SectionBlock]
    var pager: Pager
    /// "本页第 201–400 项，共 5000 项" when the plan takes more than one page; "" otherwise.
    var shownRange: String
}
