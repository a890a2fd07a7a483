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

    /// Sends the reminders due on `today` in every government; returns how many were new. With `rounds` (the
    /// background job's), a government whose inputs have not changed since its last round is skipped.
    @discardableResult
    static func run(now: Date, today: CalendarDay, on database: any Database, rounds: ReminderRounds? = nil)
        async throws -> Int
    {
        var sent = 0
        for government in try await Government.query(on: database).all() {
            let governmentID = try government.requireID()
            // Read before the board, so a change committed while it is worked out is seen next round.
            var inputs: ReminderInputs?
            if let rounds {
                let read = try await ReminderInputs.read(governmentID: governmentID, today: today, on: database)
                guard rounds.needsWork(governmentID, read) else { continue }
                inputs = read
            }
            let (duties, plans) = try await TaskDuty.load(.government(governmentID), on: database)
            let board = try await DutyStatus.board(duties, plans: plans, today: today, on: database)
            for reminder in reminders(board, today: today, planTitles: plans.mapValues(\.planTitle)) {
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

    /// The reminders a board calls for on `today`, grouped per unit, plan and deadline; each names its plan.
    static func reminders(_ board: [DutyStatus], today: CalendarDay, planTitles: [UUID: String] = [:]) -> [Reminder] {
        struct Group {
            var kind: Notification.Kind
            var unit: TaskDuty.UnitRef
            var planID: UUID
            var key: String
            var what: String
            var due: CalendarDay
            var tasks: [(number: String, text: String)] = []
        }
        var groups: [String: Group] = [:]
        var order: [String] = []
        func add(_ kind: Notification.Kind, _ status: DutyStatus, key: String, what: String, due: CalendarDay) {
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(
                    kind: kind, unit: status.unit, planID: status.duty.planID, key: key, what: what, due: due)
            }
            groups[key]?.tasks.append((status.duty.number, status.duty.text))
        }
        for status in board where !status.isCompleted {
            let unit = status.unit.id, plan = status.duty.planID
            // A returned report is not filed, but its unit was told by the return itself: no reminder on top.
            if let watched = status.watched, !watched.isFiled,
                !status.reports.contains(where: { $0.period == watched.deadline.period && $0.state == .returned })
            {
                let deadline = watched.deadline
                let period = deadline.period
                if today > deadline.due {
                    add(
                        .overdue, status, key: "overdue:\(unit):\(plan):\(period.key)", what: "\(period.label)完成情况",
                        due: deadline.due)
                } else if today >= deadline.due.adding(days: -reminderDays(status)) {
                    add(
                        .dueSoon, status, key: "due:\(unit):\(plan):\(period.key)", what: "\(period.label)完成情况",
                        due: deadline.due)
                }
            }
            if let due = status.workPlanDue, status.workPlan == nil {
                if today > due {
                    add(.overdue, status, key: "workplan-overdue:\(unit):\(plan)", what: "办理方案", due: due)
                } else if today >= due.adding(days: -reminderDays(status)) {
                    add(.dueSoon, status, key: "workplan-due:\(unit):\(plan)", what: "办理方案", due: due)
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
                kind: group.kind, unitID: group.unit.id, planID: group.planID, dedupeKey: group.key, title: title,
                body: body, link: SiteURL.unitDesk(group.unit.id).path)
        }
    }

    private static func reminderDays(_ status: DutyStatus) -> Int { status.reminderDaysBefore }
}
