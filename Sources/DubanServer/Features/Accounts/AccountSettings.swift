import Foundation
import Vapor

/// The account machinery's settings and effects, built once from `AppConfig` in `configure` and reachable
/// from every request. Tests replace the clock after `configure`.
struct AccountSettings: Sendable {
    /// The name of the session cookie.
    static let cookieName = "duban-session"

    /// bcrypt cost for new hashes.
    var passwordCost: Int
    /// How long a sign-in lasts, counted from the moment of signing in.
    var sessionLifetime: TimeInterval
    var secureCookies: Bool
    var throttle: LoginThrottle.Rule = .standard
    var clock: any WallClock = SystemClock()

    /// The settings of a configuration.
    init(config: AppConfig) {
        passwordCost = config.passwordCost
        sessionLifetime = config.sessionLifetime
        secureCookies = config.secureCookies
    }

    /// The session cookie: unreadable by scripts, not sent on cross-site subrequests or form posts, and
    /// HTTPS-only when the deployment says it is served over HTTPS.
    func sessionsConfiguration() -> SessionsConfiguration {
        let lifetime = sessionLifetime
        let secure = secureCookies
        return SessionsConfiguration(cookieName: Self.cookieName) { id in
            HTTPCookies.Value(
                string: id.string, expires: Date(timeIntervalSinceNow: lifetime), maxAge: Int(lifetime),
                path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

extension Application {
    private struct AccountSettingsKey: StorageKey {
        typealias Value = AccountSettings
    }

    /// The account settings; `configure` sets them before any request is served.
    var accounts: AccountSettings {
        get { storage[AccountSettingsKey.self] ?? AccountSettings(config: AppConfig(storage: .sqliteMemory)) }
        set { storage[AccountSettingsKey.self] = newValue }
    }

    /// Hashes and checks passwords at the configured cost, off the event loops.
    var passwordHasher: PasswordHashing {
        PasswordHashing(cost: accounts.passwordCost, threadPool: threadPool)
    }
}
