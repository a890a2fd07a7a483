/// `/plans/:planID/parents`: each task of a cascaded plan with the higher task it localises — the suggestion
/// made on import, the other likely ones, "no parent" — for the 督查室 to confirm or change.
struct ParentLinksPage: Encodable {
    var page: PageChrome
    var planTitle: String
    var planHref: String
    var action: String
    var notice: String
    var rows: [Row]
    /// "12 项已确认，3 项待确认，1 项无上级任务".
    var summary: String
    /// Said when no higher plan of the year is on the installation, so nothing could be suggested.
    var noCandidates: Bool

    struct Row: Encodable {
        /// The select's and the row's id.
        var field: String
        var anchor: String
        var number: String
        var text: String
        /// The lower document's quotation of the parent, when it has one.
        var quote: String
        var stateLabel: String
        var state: String
        var options: [SelectOption]
        /// The field for a higher task by its number, when the likely ones are not it.
        var numberField: String
    }
}
