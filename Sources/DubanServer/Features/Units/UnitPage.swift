/// The unit page: the unit, its groups, its tasks by role and — for those who may — the form that merges
/// another unit into it.
struct UnitPage: Encodable {
    var page: PageChrome
    var unit: UnitDetail
    /// What just happened (after a merge or a save of the contacts); empty otherwise.
    var notice: String
    /// The signed-in clerk's own unit: marked, since it is where their work is.
    var isOwnUnit: Bool
    /// Whether the merge form is shown, as the policy decides.
    var canMerge: Bool
    /// Where the merge form posts.
    var mergeAction: String
    /// Whether the 督办联系人 panel is shown: a collective name has no contacts of its own.
    var showsContacts: Bool
    /// Whether the "编辑" link of the contacts panel is shown, as the policy decides.
    var canEditContacts: Bool
    /// The contacts form.
    var contactsHref: String
    /// The unit's 附表1 办理方案 as a workbook, for those who read its reports; empty otherwise.
    var workPlansHref: String
    /// The unit's 附表3 完成情况 and 附表2 名单 downloads, for those who may read them; empty otherwise.
    var progressHref = ""
    var contactsXlsxHref = ""
}

/// One unit as its page shows it, built by `UnitPageQuery`.
struct UnitDetail: Encodable {
    /// The tasks a unit holds in one role.
    struct RoleTasks: Encodable {
        /// `AssignmentRole` raw value, for the badge's CSS class.
        var role: String
        var label: String
        var tasks: [TaskLine]
    }

    var name: String
    var kind: String
    var kindLabel: String
    var isCollective: Bool
    var aliases: [String]
    /// Collective groups this unit belongs to ("各街道办事处" for a 街道).
    var groups: [LinkItem]
    /// For a collective name, the units it stands for.
    var members: [LinkItem]
    var taskCount: Int
    var roles: [RoleTasks]
    /// Every other unit of the government, the choices of the merge form.
    var mergeCandidates: [SelectOption]
    /// The unit's 督办联系人 in role order (附表2); empty until the unit fills them in.
    var contacts: [ContactLine]
}
