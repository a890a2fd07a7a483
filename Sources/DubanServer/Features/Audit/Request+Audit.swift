import Vapor

extension Request {
    /// Who this request acts as, for the audit log: the signed-in user by display name and username (changes
    /// can only be made signed in; "网页用户" would mean a route that changes data without sign-in).
    var auditActor: AuditActor {
        guard let user = auth.get(CurrentUser.self) else { return AuditActor(userID: nil, name: "网页用户") }
        return AuditActor(userID: user.id, name: "\(user.displayName)（\(user.username)）")
    }

    /// The id Vapor's logger attaches to every line of this request, so a log entry and an audit entry can be
    /// matched.
    var requestID: String? {
        logger[metadataKey: "request-id"].map { "\($0)" }
    }
}
