/// The 督查室's overview: every reporting duty of the government by light, the laggards per unit, what waits
/// for review, and the 催办 form over the rows shown.
struct OversightPage: Encodable {
    var page: PageChrome
    var today: String
    var notice: String
    var error: String
    var tally: [DeskPage.LightCount]
    var filterAction: String
    var plans: [Choice]
    var lights: [Choice]
    /// The worst rows, at most `OversightQuery.rowsShown`, of `rowTotal`.
    var rows: [Row]
    var rowTotal: Int
    var units: [UnitLine]
    /// The oldest waiting items, at most `OversightQuery.reviewsShown`.
    var reviews: [ReviewLine]
    var reviewTotal: Int
    var urgeAction: String
    var csrf: String

    /// A filter option.
    struct Choice: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One task of one reporting unit.
    struct Row: Encodable {
        /// "taskID:unitID", the urge checkbox's value.
        var target: String
        var light: String
        var lightLabel: String
        var reasons: String
        var number: String
        var text: String
        var href: String
        var planTitle: String
        var unitName: String
        var unitHref: String
        /// Whom to call at the unit; nil when it named nobody.
        var contact: ClerkContacts.Hint?
        var next: String
    }

    /// A unit's standing, worst first: the names a 督查通报 would list.
    struct UnitLine: Encodable {
        var name: String
        var href: String
        var red: Int
        var yellow: Int
        var green: Int
        var lateReports: Int
    }

    /// A work plan or report waiting for the 督查室.
    struct ReviewLine: Encodable {
        var what: String
        var unitName: String
        var number: String
        var href: String
        var submittedAt: String
        var late: String
    }
}
