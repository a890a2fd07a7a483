import Fluent
import Foundation
import Vapor

/// Vapor's session driver over `StoredSession`: a session's row is written when it is created and when its
/// values change — not on every request as Fluent's driver did, which made each page view a write — and a
/// row past its expiry reads as no session at all.
struct DatabaseSessions: AsyncSessionDriver {
    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let key = CSRFToken.make()
        let now = request.application.accounts.clock.now
        let lifetime = request.application.accounts.sessionLifetime
        let row = StoredSession(
            key: key, data: try Self.encode(data), createdAt: now, expiresAt: now.addingTimeInterval(lifetime))
        try await row.create(on: request.db)
        return SessionID(string: key)
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let now = request.application.accounts.clock.now
        guard
            let row = try await StoredSession.query(on: request.db).filter(\.$key == sessionID.string)
                .filter(\.$expiresAt > now).first(),
            let values = try? JSONDecoder().decode([String: String].self, from: Data(row.data.utf8))
        else { return nil }
        request.storage[ReadSessionKey.self] = values
        return SessionData(initialData: values)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard request.storage[ReadSessionKey.self] != data.snapshot else { return sessionID }
        try await StoredSession.query(on: request.db).filter(\.$key == sessionID.string)
            .set(\.$data, to: try Self.encode(data)).update()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await StoredSession.query(on: request.db).filter(\.$key == sessionID.string).delete()
    }

    /// Removes every session past its expiry; run by the background jobs.
    static func removeExpired(now: Date, on database: any Database) async throws {
        try await StoredSession.query(on: database).filter(\.$expiresAt <= now).delete()
    }

    /// True when the request read a stored session and leaves its values as they were: what it rendered did
    /// not, say, create the session's CSRF token, so the page can be shown again as it is.
    static func isUnchanged(_ request: Request) -> Bool {
        guard request.hasSession, let read = request.storage[ReadSessionKey.self] else { return false }
        return read == request.session.data.snapshot
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data.snapshot), as: UTF8.self)
    }

    /// The values as read at the start of the request, to tell whether they changed.
    private struct ReadSessionKey: StorageKey {
        typealias Value = [String: String]
    }
}
