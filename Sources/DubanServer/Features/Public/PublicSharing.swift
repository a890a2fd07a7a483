import Crypto
import Fluent
import Foundation

/// Publishing a plan's read-only public page, and taking it down. The address carries a random token rather than
/// the plan's id, so unpublished plans cannot be found by trying ids; taking a page down and publishing it again
/// gives it a new address.
enum PublicSharing {
    /// Publishes or withdraws the plan's public page; audited. `token` fixes the address (the demo's, which is
    /// the same on every run); by default it is random.
    static func set(
        _ plan: Plan, published: Bool, token fixed: String? = nil, actor: AuditActor, requestID: String?, at now: Date,
        on database: any Database
    ) async throws {
        guard published != (plan.publicToken != nil) else { return }
        try await database.writeTransaction { database in
            plan.publicToken = published ? (fixed ?? token()) : nil
            try await plan.save(on: database)
            try await AuditLog.record(
                published ? .publicPagePublished : .publicPageWithdrawn, by: actor, governmentID: plan.$government.id,
                entityType: "plan", entityID: try plan.requireID(),
                summary: (published ? "公开" : "取消公开") + "方案《\(plan.title)》的进展页面", requestID: requestID, at: now,
                on: database)
        }
    }

    /// 22 URL-safe characters from 16 random bytes.
    private static func token() -> String {
        let bytes = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
