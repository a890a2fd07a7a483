/// The login page: the form, what went wrong or what just happened, and where to go afterwards.
struct LoginPage: Encodable {
    var page: PageChrome
    var action: String
    var csrfToken: String
    /// The username typed before a failed attempt, so only the password is typed again.
    var username: String
    /// The page asked for before signing in; empty for the home page.
    var next: String
    var error: String
    var notice: String
}

/// The signed-in user's own account: who they are, their password form and "sign out everywhere".
struct AccountPage: Encodable {
    var page: PageChrome
    var username: String
    var displayName: String
    var role: String
    var government: String
    /// The clerk's unit or the leader's own page; empty label when the account has neither.
    var assignment: LinkItem
    var notice: String
    var error: String
    var passwordAction: String
    var everywhereAction: String
    /// The user's API tokens page.
    var tokensHref: String
}

/// The administrator's list of the government's accounts, with the form that adds one.
struct UserListPage: Encodable {
    /// One account in the list.
    struct Row: Encodable, Equatable {
        var username: String
        var displayName: String
        var role: String
        /// The clerk's unit or the leader's name; empty otherwise.
        var assignment: String
        var disabled: Bool
        var href: String
    }

    /// The add form, refilled after a mistake so nothing typed is lost (except the password).
    struct NewUserForm: Encodable {
        var action: String
        var username = ""
        var displayName = ""
        var roles: [SelectOption]
        var units: [SelectOption]
        var leaders: [SelectOption]
    }

    var page: PageChrome
    var users: [Row]
    var form: NewUserForm
    var error: String
}

/// One account as the administrator manages it: details, password reset, disabling.
struct UserAdminPage: Encodable {
    var page: PageChrome
    var user: UserListPage.Row
    var government: String
    var createdAt: String
    var notice: String
    var error: String
    var passwordAction: String
    /// Disable or enable, whichever applies; the form is not shown on one's own account.
    var toggleAction: String
    var toggleLabel: String
    var canToggle: Bool
}
