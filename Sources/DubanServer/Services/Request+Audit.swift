import Vapor

extension Request {
    /// Who this request acts as, for the audit log. Until accounts sign people in, changes made through the
    /// web are recorded as "网页用户"; with accounts, the signed-in user.
    var auditActor: AuditActor {
        AuditActor(userID: nil, name: "网页用户")
    }

    /// The id Vapor's logger attaches to every line of this request, so a log entry and an audit entry can be
    /// matched.
    var requestID: String? {
        logger[metadataKey: "request-id"].map { "\($0)" }
    }
}
