import Foundation

/// What a task page shows across levels: the higher task a cascaded task localises, with the higher plan's due
/// dates and each target set against the parent's; and, on a higher task, every lower government's localised
/// task with its light, latest status and figures, and what the figures come to together.
struct CascadePanel: Encodable {
    var parent: ParentBlock?
    var children: [ChildRow]
    var totals: [TotalLine]
    /// What the lower governments' figures add up to, per target of this task, for the report form's "填入" buttons.
    var sums: [FigureSum] = []
    /// Where the 督查室 of the task's government confirms or changes its parent; "" for others.
    var editHref: String
    /// A line for the reporting page leading to the task page's cascade panel: the parent and its due dates, or
    /// how many lower governments localise the task; "" when neither.
    var jumpHref = ""
    /// Whether `parent` is shown (Leaf tests a Bool more plainly than an absent value).
    var hasParent = false
    var jumpText = ""

    var isEmpty: Bool { parent == nil && children.isEmpty && editHref.isEmpty }

    /// The higher task.
    struct ParentBlock: Encodable {
        var government: String
        var planTitle: String
        var number: String
        var text: String
        /// The higher task's page, when the reader may open it.
        var href: String
        var stateLabel: String
        var isSuggested: Bool
        var deadline: String
        /// The higher plan's report due dates ("4月20日 第一季度").
        var dueDates: [String]
        var localisations: [LocalisationLine]
    }

    /// One target of the lower task against the higher one's.
    struct LocalisationLine: Encodable {
        var kind: String
        var kindLabel: String
        var parentTarget: String
        var localTarget: String
        /// "占上级目标3.6%", "折合100公顷".
        var note: String
    }

    /// One lower government's task localising this one.
    struct ChildRow: Encodable {
        var government: String
        var number: String
        var text: String
        var href: String
        var units: String
        var light: String
        var lightLabel: String
        /// The latest report's status and period ("按序时推进 · 2026年第三季度"), or "尚未报送".
        var latest: String
        var figures: [String]
        var localisations: [LocalisationLine]
        /// A report due at the higher level that this government's units filed late against the higher date.
        var lateAgainstParent: String
        /// The latest report's words, when the reader may read them; quoted into the higher unit's report.
        var narrative: String = ""
        /// "【青溪区·第三季度】…": what the quote button puts into the report.
        var quote: String = ""
    }

    /// The lower governments' latest figures for one target of this task, in its unit.
    struct FigureSum: Encodable {
        var label: String
        var unit: String
        var value: String
        /// "青溪区 1200、白沙区 800".
        var parts: String
        /// The report form's input for this target ("actual-0"); "" when the form has none.
        var field: String = ""
    }

    /// What the lower governments' targets or figures come to against one higher target.
    struct TotalLine: Encodable {
        var parentTarget: String
        var text: String
    }
}
