/// The signed-in user's API tokens: the list with a revoke button each, the form that creates one and — right
/// after creating — the new token, shown this once.
struct APITokenPage: Encodable {
    /// One token in the list.
    struct Row: Encodable, Equatable {
        var name: String
        var createdAt: String
        /// "从未使用" when never used.
        var lastUsedAt: String
        var active: Bool
        /// "已吊销 2026-01-05 09:30" for a revoked token; empty for an active one.
        var revokedNote: String
        var revokeAction: String
    }

    var page: PageChrome
    var tokens: [Row]
    /// The token just created; empty on every other visit.
    var newToken: String
    var newTokenName: String
    var notice: String
    var error: String
    /// The name typed before a refused attempt.
    var name: String
    var createAction: String
    var documentHref: String
}
