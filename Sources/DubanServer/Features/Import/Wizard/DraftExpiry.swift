import Fluent
import Foundation
import Vapor

/// Unpublished drafts expire: an upload left in the wizard for `days` days (30 unless `DUBAN_DRAFT_DAYS`
/// says otherwise) is removed in the background rounds. Published drafts stay as the record of their upload.
enum DraftExpiry {
    static let defaultDays = 30

    private struct Key: StorageKey {
        typealias Value = Int
    }

    /// The configured lifetime in days.
    static func days(_ app: Application) -> Int { app.storage[Key.self] ?? defaultDays }

    /// Reads `DUBAN_DRAFT_DAYS` (a whole number of days, at least 1) and adds the job to the background rounds.
    static func register(on app: Application, environment value: String?) {
        if let value, let days = Int(value.trimmingCharacters(in: .whitespaces)), days >= 1 {
            app.storage[Key.self] = days
        }
        app.reportingJobs.add("import-drafts") { context in
            let app = context.app
            try await removeExpired(now: app.accounts.clock.now, days: days(app), on: context.database)
        }
    }

    /// Deletes the unpublished drafts created more than `days` days before `now`; returns how many.
    @discardableResult
    static func removeExpired(now: Date, days: Int, on database: any Database) async throws -> Int {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let expired = ImportDraft.query(on: database).filter(\.$status == .draft).filter(\.$createdAt < cutoff)
        let count = try await expired.count()
        if count > 0 { try await expired.delete() }
        return count
    }
}
