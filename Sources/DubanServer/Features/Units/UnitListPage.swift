/// The unit directory: units grouped by kind, with their other names and task counts by role.
struct UnitListPage: Encodable {
    var page: PageChrome
    var directory: UnitDirectoryListing
    /// The filter form posts here.
    var formAction: String
    /// Clears the filter.
    var resetHref: String
}

/// The units of a government as the directory lists them, built by `UnitDirectoryQuery`.
struct UnitDirectoryListing: Encodable {
    /// The units of one `UnitKind`.
    struct Group: Encodable {
        var kind: String
        var label: String
        var units: [Row]
    }

    /// One unit with its names, its task counts by role and, for a collective name, the units it stands for.
    struct Row: Encodable {
        var name: String
        var href: String
        var aliases: String
        var overallLead: Int
        var lead: Int
        var responsible: Int
        var assisting: Int
        var total: Int
        var members: [LinkItem]
    }

    /// The filter as typed, shown back in the box.
    var query: String
    /// Units of the government, whatever the filter.
    var unitCount: Int
    /// Units the filter kept.
    var shownCount: Int
    var groups: [Group]
}
