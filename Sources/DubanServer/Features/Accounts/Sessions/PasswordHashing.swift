import NIOPosix
import Vapor

/// bcrypt hashing and checking, run on a thread pool: a hash at cost 12 takes a quarter of a second of CPU,
/// which must not stall an event loop serving other requests.
struct PasswordHashing: Sendable {
    /// The lowest cost accepted outside tests.
    static let productionMinimumCost = 10

    let cost: Int
    var threadPool: NIOThreadPool = .singleton

    /// A new salted hash of `password`.
    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`. A malformed stored hash counts as a mismatch, never as an error the
    /// visitor sees.
    func verify(_ password: String, against hash: String) async -> Bool {
        (try? await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }) ?? false
    }

    /// Spends the time of a check without a hash to check against, so that an unknown username answers as
    /// slowly as a wrong password and cannot be told apart by timing.
    func spendVerificationTime(_ password: String) async {
        _ = try? await hash(password)
    }
}
