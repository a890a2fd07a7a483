import Fluent
import Vapor

/// What a session holds once someone signs in, and the steps that begin and end it. The session row lives in
/// the database (Fluent's session driver); the cookie holds only its random key.
enum UserSession {
    /// Session data keys.
    enum Key {
        static let user = "user"
        static let epoch = "epoch"
        /// When the user signed in, in seconds since 1970; the session lifetime counts from here.
        static let since = "since"
        static let csrf = "csrf"
    }

    /// The sign-in a session claims, checked against the user's current state on every request.
    struct Claim: Equatable {
        var userID: UUID
        var epoch: Int
        var since: Date

        /// The claim in session data; nil for a session without a sign-in (a login form's CSRF token only).
        init?(_ data: SessionData) {
            guard let user = data[Key.user].flatMap(UUID.init(uuidString:)),
                let epoch = data[Key.epoch].flatMap(Int.init),
                let since = data[Key.since].flatMap(Double.init)
            else { return nil }
            self.init(userID: user, epoch: epoch, since: Date(timeIntervalSince1970: since))
        }

        init(userID: UUID, epoch: Int, since: Date) {
            self.userID = userID
            self.epoch = epoch
            self.since = since
        }

        /// Still valid for `user` at `now`: within the lifetime, the account enabled, and not signed out
        /// everywhere since.
        func isValid(for user: User, now: Date, lifetime: TimeInterval) -> Bool {
            let age = now.timeIntervalSince(since)
            return age >= 0 && age < lifetime && !user.isDisabled && user.sessionEpoch == epoch
        }
    }

    /// Signs `user` in on this request under a new session key, so a key planted before sign-in (session
    /// fixation) is worthless afterwards; the CSRF token is renewed with it.
    static func start(_ req: Request, user: User, now: Date) async throws {
        if let oldKey = req.session.id {
            try await StoredSession.query(on: req.db).filter(\.$key == oldKey.string).delete()
        }
        req.session.id = nil
        req.session.data = SessionData(initialData: [
            Key.user: try user.requireID().uuidString,
            Key.epoch: String(user.sessionEpoch),
            Key.since: String(now.timeIntervalSince1970),
            Key.csrf: CSRFToken.make(),
        ])
    }

    /// Keeps this session signed in after the user's epoch was raised from it (a password change), while
    /// every other session of the user stops working.
    static func adopt(_ req: Request, epoch: Int) {
        req.session.data[Key.epoch] = String(epoch)
    }

    /// Drops the sign-in but keeps the session's CSRF token, so a login form open in another tab still works.
    static func forget(_ req: Request) {
        for key in [Key.user, Key.epoch, Key.since] { req.session.data[key] = nil }
    }

    /// Ends the session: its row is deleted and the cookie expired.
    static func end(_ req: Request) {
        req.session.destroy()
    }
}
