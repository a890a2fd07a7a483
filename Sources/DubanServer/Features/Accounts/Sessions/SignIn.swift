import Fluent
import Foundation
import Vapor

/// Checks a username and password, under the login throttle. Every refusal for a wrong name or password
/// reads the same and takes the same time, so the form does not reveal which usernames exist.
struct SignIn {
    let database: any Database
    let hasher: PasswordHashing
    let rule: LoginThrottle.Rule
    let now: Date

    /// The settings of the running application.
    init(_ req: Request) {
        let settings = req.application.accounts
        database = req.db
        hasher = req.application.passwordHasher
        rule = settings.throttle
        now = settings.clock.now
    }

    init(database: any Database, hasher: PasswordHashing, rule: LoginThrottle.Rule, now: Date) {
        self.database = database
        self.hasher = hasher
        self.rule = rule
        self.now = now
    }

    /// The user when the credentials are right and the account enabled; otherwise throws `SignInError`.
    func attempt(username rawUsername: String, password: String, address: String) async throws -> User {
        let username = String(rawUsername.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().prefix(64))
        let throttle = LoginThrottle(database: database, rule: rule, now: now)
        if let until = try await throttle.lockedUntil(username: username, address: address) {
            throw SignInError.throttled(minutes: Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        }
        guard let user = try await User.query(on: database).filter(\.$username == username).first() else {
            await hasher.spendVerificationTime(password)
            try await throttle.record(username: username, address: address, succeeded: false)
            throw SignInError.invalidCredentials
        }
        guard await hasher.verify(password, against: user.passwordHash) else {
            try await throttle.record(username: username, address: address, succeeded: false)
            throw SignInError.invalidCredentials
        }
        guard !user.isDisabled else {
            try await throttle.record(username: username, address: address, succeeded: false)
            throw SignInError.disabled
        }
        try await throttle.record(username: username, address: address, succeeded: true)
        return user
    }
}

/// Why sign-in was refused; shown on the login form.
enum SignInError: AbortError, Equatable {
    case invalidCredentials
    case throttled(minutes: Int)
    case disabled

    var status: HTTPResponseStatus {
        switch self {
        case .invalidCredentials: .unauthorized
        case .throttled: .tooManyRequests
        case .disabled: .forbidden
        }
    }

    var reason: String {
        switch self {
        case .invalidCredentials: "用户名或密码不正确。"
        case .throttled(let minutes):
            "登录失败次数过多，为保护账号安全，请 \(max(minutes, 1)) 分钟后再试。如忘记密码，请联系本级督查室重置。"
        case .disabled: "这个账号已停用。如需恢复，请联系本级督查室。"
        }
    }
}
