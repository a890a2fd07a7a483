import Foundation

/// The context of the audit page: entries and the filter form, all formatted here so the template only prints.
struct AuditPage: Encodable {
    struct Row: Encodable {
        var time: String
        var actor: String
        var action: String
        var summary: String
        var before: String
        var after: String
        var requestID: String
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    var page: PageChrome
    var rows: [Row]
    var total: Int
    var actions: [Option]
    var actors: [Option]
    var from: String
    var to: String
    var previousHref: String
    var nextHref: String
    var pageLabel: String

    /// Formats one entry.
    static func row(_ event: AuditEvent) -> Row {
        Row(
            time: DisplayTime.minute(event.occurredAt), actor: event.actorName,
            action: AuditAction(rawValue: event.action)?.label ?? event.action, summary: event.summary,
            before: event.beforeState ?? "", after: event.afterState ?? "", requestID: event.requestID ?? "")
    }
}
