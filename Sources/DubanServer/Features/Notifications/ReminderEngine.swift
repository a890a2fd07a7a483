import DubanCore
import Fluent
import Foundation

/// The automatic reminders (催办): a reminder a few days before a report or work plan is due, and a notice on
/// the first day it is overdue — one per unit, plan and deadline, listing the tasks concerned.
///
/// Safe to run as often as wanted and from several replicas: every reminder carries a dedupe key the database
/// keeps unique, so each fires once. A server that was down on the reminder day still sends it the next time
/// it runs within the window.
enum ReminderEngine {
    /// One reminder to send.
    struct Reminder: Sendable, Equatable {
        var kind: Notification.Kind
        var unitID: UUID
        var planID: UUID
        var dedupeKey: String
        var title: String
        var body: String
        var link: String
    }

    /// One duty as the reminders see it: its task, unit and plan, and its stored facts.
    struct Duty: Sendable {
        var taskNumber: String
        var taskText: String
        var unitID: UUID
        var planID: UUID
        var facts: ReminderFacts
    }

    /// Sends the reminders due on `today` in every government; returns how many were new. Each government's plans
    /// are first made current for `today` (`DutyStates.current`, one query when the lights job already did), and
    /// the reminders read from their stored facts. With `rounds` (the background job's), a government whose inputs
    /// have not changed since its last round is skipped.
    @discardableResult
    static func run(now: Date, today: CalendarDay, on database: any Database, rounds: ReminderRounds? = nil)
        async throws -> Int
    {
        var sent = 0
        for government in try await Government.query(on: database).all() {
            let governmentID = try government.requireID()
            let plans = try await Plan.query(on: database).filter(\.$government.$id == governmentID)
                .filter(\.$withdrawnAt == nil).all()
            let planIDs = try plans.map { try $0.requireID() }
            // Current first: working a stale plan out creates its mark, which the inputs read.
            try await DutyStates.current(planIDs: planIDs, today: today, on: database)
            // Read before the facts, so a change committed while they are read is seen next round.
            var inputs: ReminderInputs?
            if let rounds {
                let read = try await ReminderInputs.read(planIDs: planIDs, today: today, on: database)
                guard rounds.needsWork(governmentID, read) else { continue }
                inputs = read
            }
            let duties = try await stored(planIDs: planIDs, on: database)
            let titles = Dictionary(zip(planIDs, plans.map(\.title))) { first, _ in first }
            for reminder in reminders(duties, today: today, planTitles: titles) {
                let posted = try await Notifier.post(
                    reminder.kind, governmentID: governmentID, unitID: reminder.unitID, title: reminder.title,
                    body: reminder.body, link: reminder.link, sender: "系统", dedupeKey: reminder.dedupeKey,
                    at: now, on: database)
                if posted != nil { sent += 1 }
            }
            if let rounds, let inputs { rounds.done(governmentID, inputs) }
        }
        return sent
    }

    /// The stored duties of the plans that something is or will be due on, in plan and task order.
    static func stored(planIDs: [UUID], on database: any Database) async throws -> [Duty] {
        guard !planIDs.isEmpty else { return [] }
        let rows = try await database.requireSQL().raw(
            """
            SELECT s.unit_id, s.plan_id, s.report_due, s.report_period, s.work_plan_due, s.reminder_days, \
            t.number, t.text FROM duty_states s JOIN tasks t ON t.id = s.task_id \
            WHERE s.plan_id IN (\(binds: planIDs)) AND (s.report_due <> '' OR s.work_plan_due <> '') \
            ORDER BY s.plan_id, t.position, s.unit_id
            """
        ).all()
        return try rows.map { row in
            Duty(
                taskNumber: try row.decode(column: "number", as: String.self),
                taskText: try row.decode(column: "text", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                planID: try row.decode(column: "plan_id", as: UUID.self),
                facts: ReminderFacts(
                    reportDue: try row.decode(column: "report_due", as: String.self),
                    period: try row.decode(column: "report_period", as: String.self),
                    workPlanDue: try row.decode(column: "work_plan_due", as: String.self),
                    reminderDays: try row.decode(column: "reminder_days", as: Int.self)))
        }
    }

    /// The reminders the duties call for on `today`, grouped per unit, plan and deadline; each names its plan.
    static func reminders(_ duties: [Duty], today: CalendarDay, planTitles: [UUID: String] = [:]) -> [Reminder] {
        struct Group {
            var kind: Notification.Kind
            var unitID: UUID
            var planID: UUID
            var key: String
            var what: String
            var due: CalendarDay
            var tasks: [(number: String, text: String)] = []
        }
        var groups: [String: Group] = [:]
        var order: [String] = []
        func add(_ kind: Notification.Kind, _ duty: Duty, key: String, what: String, due: CalendarDay) {
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(
                    kind: kind, unitID: duty.unitID, planID: duty.planID, key: key, what: what, due: due)
            }
            groups[key]?.tasks.append((duty.taskNumber, duty.taskText))
        }
        for duty in duties {
            let unit = duty.unitID, plan = duty.planID, facts = duty.facts
            if let due = facts.reportDue, let period = facts.period {
                if today > due {
                    add(
                        .overdue, duty, key: "overdue:\(unit):\(plan):\(period.key)", what: "\(period.label)完成情况",
                        due: due)
                } else if today >= due.adding(days: -facts.reminderDays) {
                    add(.dueSoon, duty, key: "due:\(unit):\(plan):\(period.key)", what: "\(period.label)完成情况", due: due)
                }
            }
            if let due = facts.workPlanDue {
                if today > due {
                    add(.overdue, duty, key: "workplan-overdue:\(unit):\(plan)", what: "办理方案", due: due)
                } else if today >= due.adding(days: -facts.reminderDays) {
                    add(.dueSoon, duty, key: "workplan-due:\(unit):\(plan)", what: "办理方案", due: due)
                }
            }
        }
        return order.compactMap { groups[$0] }.map { group in
            let count = group.tasks.count
            let plan = TaskNaming.quoted(planTitles[group.planID] ?? "")
            // Each task by its number and first words, so the clerk knows them without opening the desk.
            let shown = group.tasks.prefix(5).map { "第 \($0.number) 项“\(TaskNaming.words($0.text))”" }
            let numbers = shown.joined(separator: "、") + (count > 5 ? " 等 \(count) 项" : "")
            let title: String
            let body: String
            if group.kind == .overdue {
                title = "\(count) 项任务的\(group.what)已逾期"
                body =
                    "\(plan)应于\(group.due.chinese)前报送，已逾期 \(group.due.days(until: today)) 天。任务：\(numbers)。逾期报送将标注逾期天数。"
            } else {
                let left = today.days(until: group.due)
                title = "\(count) 项任务的\(group.what)将于\(group.due.chineseMonthDay)到期"
                body = plan + (left == 0 ? "今天到期" : "还有 \(left) 天") + "。任务：\(numbers)。"
            }
            return Reminder(
                kind: group.kind, unitID: group.unitID, planID: group.planID, dedupeKey: group.key, title: title,
                body: body, link: SiteURL.unitDesk(group.unitID).path)
        }
    }
}
