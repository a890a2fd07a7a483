import Fluent
import Foundation

/// Filters of the audit page, as typed into its form.
struct AuditFilter: Sendable, Equatable {
    var action: AuditAction?
    var actor: String = ""
    var entityType: String = ""
    /// Inclusive day range, "yyyy-MM-dd" in China Standard Time.
    var from: Date?
    var to: Date?
    var page: Int = 1

    static let pageSize = 50
}

/// Reads the audit log of a government, newest first.
enum AuditQuery {
    /// One page of entries and the total matching the filter.
    static func page(governmentID: UUID, filter: AuditFilter, on database: any Database) async throws
        -> (events: [AuditEvent], total: Int)
    {
        let query = AuditEvent.query(on: database).filter(\.$government.$id == governmentID)
        if let action = filter.action { query.filter(\.$action == action.rawValue) }
        if !filter.actor.isEmpty { query.filter(\.$actorName == filter.actor) }
        if !filter.entityType.isEmpty { query.filter(\.$entityType == filter.entityType) }
        if let from = filter.from { query.filter(\.$occurredAt >= from) }
        if let to = filter.to { query.filter(\.$occurredAt < to.addingTimeInterval(24 * 3600)) }
        let total = try await query.copy().count()
        let events = try await query.sort(\.$occurredAt, .descending).sort(\.$id)
            .range(((filter.page - 1) * AuditFilter.pageSize)..<(filter.page * AuditFilter.pageSize)).all()
        return (events, total)
    }

    /// The names that appear as actors, for the filter's choices.
    static func actorNames(governmentID: UUID, on database: any Database) async throws -> [String] {
        let names = try await AuditEvent.query(on: database).filter(\.$government.$id == governmentID)
            .field(\.$actorName).unique().all(\.$actorName)
        return names.sorted()
    }
}

/// Parses the day fields of the filter form.
enum AuditDay {
    /// Midnight China Standard Time of "yyyy-MM-dd"; nil for anything else.
    static func parse(_ text: String?) -> Date? {
        guard let parts = text?.split(separator: "-").compactMap({ Int($0) }), parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = AppClock.timeZone
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// "yyyy-MM-dd" of a date, for refilling the form.
    static func field(_ date: Date?) -> String {
        guard let date else { return "" }
        return String(DisplayTime.minute(date).prefix(10))
    }
}
