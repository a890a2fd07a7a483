import Fluent
import SQLKit

/// Indexes on the reference columns that pages look rows up by. Neither engine indexes a foreign key by itself,
/// so a report's figures (`report_actuals.report_id`), its files, a work plan's items and the like were found by
/// reading the whole table: at a province's 200,000 reports a page listing 200 tasks read every figure.
struct CreateReferenceIndexes: PlainIndexMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("report_actuals_report", "report_actuals", "report_id"),
        ("report_attachments_report", "report_attachments", "report_id"),
        ("report_attachments_blob", "report_attachments", "blob_id"),
        ("report_flags_related", "report_flags", "related_report_id"),
        ("work_plan_items_plan", "work_plan_items", "work_plan_id"),
        ("work_plans_unit", "work_plans", "unit_id"),
        ("progress_reports_unit", "progress_reports", "unit_id, period"),
        ("plans_government", "plans", "government_id"),
        ("governments_parent", "governments", "parent_id"),
        ("users_unit", "users", "unit_id"),
        ("notifications_government", "notifications", "government_id, created_at"),
        ("task_urges_task", "task_urges", "task_id"),
        ("instructions_report", "instructions", "report_id"),
        ("instructions_leader", "instructions", "leader_id"),
        ("instruction_replies_report", "instruction_replies", "report_id"),
        ("supervision_rounds_plan", "supervision_rounds", "plan_id"),
        ("bulletins_plan", "bulletins", "plan_id"),
        ("bulletin_mentions_task", "bulletin_mentions", "task_id"),
        ("bulletin_mentions_unit", "bulletin_mentions", "unit_id"),
        ("webhook_deliveries_webhook", "webhook_deliveries", "webhook_id"),
        ("webhook_deliveries_notification", "webhook_deliveries", "notification_id"),
        ("finding_attachments_blob", "finding_attachments", "blob_id"),
        ("finding_responses_unit", "finding_responses", "unit_id"),
    ]
}
