import DubanCore
import Fluent
import Foundation
import SQLKit

/// The 督办 overview's numbers counted by SQL from the stored lights of some plans, which the caller has made
/// current (`DutyStates.current`): what each costs grows with the units, sections and leaders it lists, not
/// with the reports behind it.
struct DutyStateCounts {
    /// The plans counted, or the plans of the tasks counted.
    let planIDs: [UUID]
    /// The tasks counted (a leader's portfolio); nil for every task of the plans.
    let taskIDs: [UUID]?
    let database: any Database
    let sql: any SQLDatabase

    /// Every duty of the plans.
    init(planIDs: [UUID], on database: any Database) throws {
        self.planIDs = planIDs
        self.taskIDs = nil
        self.database = database
        self.sql = try database.requireSQL()
    }

    /// The duties of some tasks, which belong to `planIDs`.
    init(taskIDs: [UUID], planIDs: [UUID], on database: any Database) throws {
        self.planIDs = taskIDs.isEmpty ? [] : planIDs
        self.taskIDs = taskIDs
        self.database = database
        self.sql = try database.requireSQL()
    }

    /// The rows counted, as a condition on `duty_states d`.
    private var scope: SQLQueryString {
        if let taskIDs { return "d.task_id IN (\(binds: taskIDs))" }
        return "d.plan_id IN (\(binds: planIDs))"
    }

    /// How many duties show each light.
    func tally() async throws -> [DeskPage.LightCount] {
        guard !planIDs.isEmpty else { return DeskPage.LightCount.tally([]) }
        var counts: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT d.light, COUNT(*) AS n FROM duty_states d WHERE \(scope) GROUP BY d.light"
        ).all() {
            counts[try row.decode(column: "light", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return TrafficLight.allCases.reversed().map {
            DeskPage.LightCount(light: $0.rawValue, label: $0.label, count: counts[$0.rawValue] ?? 0)
        }
    }

    /// How many duties show one of `lights` (only those with an overdue report, when `overdue`).
    func count(lights: [TrafficLight], overdue: Bool = false) async throws -> Int {
        guard !planIDs.isEmpty, !lights.isEmpty else { return 0 }
        return try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM duty_states d \
            WHERE \(scope) AND d.light IN (\(binds: lights.map(\.rawValue)))\(unsafeRaw: overdue ? " AND d.overdue" : "")
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Each task's worst light with its unit's reasons, for task lists.
    func taskLights() async throws -> TaskLights {
        guard !planIDs.isEmpty else { return TaskLights(stored: []) }
        let rows = try await sql.raw(
            """
            SELECT d.task_id, d.severity, d.shown_light, d.reasons, u.name FROM duty_states d \
            JOIN units u ON u.id = d.unit_id WHERE \(scope) ORDER BY u.name\(unsafeRaw: bytewise)
            """
        ).all()
        return TaskLights(
            stored: try rows.map { row in
                let light = try row.decode(column: "shown_light", as: String.self)
                let reasons = try row.decode(column: "reasons", as: String.self)
                let name = try row.decode(column: "name", as: String.self)
                return (
                    try row.decode(column: "task_id", as: UUID.self),
                    TaskLights.Shown(
                        severity: try row.decode(column: "severity", as: Int.self), light: light,
                        label: TaskLights.label(light), reasons: reasons.isEmpty ? name : "\(name)：\(reasons)")
                )
            })
    }

    /// One duty as the overview and a leader's board list it, from its stored facts.
    struct Listed: Sendable {
        var taskID: UUID
        var unitID: UUID
        var planID: UUID
        var number: String
        /// The task's words, cut to an excerpt.
        var text: String
        var unitName: String
        var shownLight: String
        var reasons: String
        var nextDue: String
        var lastReport: String
        var figures: String
    }

    /// The duties with one of `lights` (only those with an overdue report, when `overdue`), worst first and then
    /// by unit name (descending, as the overview has always listed them): `limit` of them from `offset`.
    func worst(lights: [TrafficLight], overdue: Bool = false, limit: Int, offset: Int) async throws -> [Listed] {
        guard !planIDs.isEmpty, !lights.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            SELECT d.task_id, d.unit_id, d.plan_id, d.shown_light, d.reasons, d.next_due, d.last_report, d.figures, \
            t.number, substr(t.text, 1, \(literal: DisplayText.excerptLength + 1)) AS excerpt, u.name \
            FROM duty_states d JOIN units u ON u.id = d.unit_id JOIN tasks t ON t.id = d.task_id \
            WHERE \(scope) AND d.light IN (\(binds: lights.map(\.rawValue)))\(unsafeRaw: overdue ? " AND d.overdue" : "") \
            ORDER BY d.severity DESC, u.name\(unsafeRaw: bytewise) DESC, t.plan_id, t.position \
            LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
        ).all()
        return try rows.map { row in
            Listed(
                taskID: try row.decode(column: "task_id", as: UUID.self),
                unitID: try row.decode(column: "unit_id", as: UUID.self),
                planID: try row.decode(column: "plan_id", as: UUID.self),
                number: try row.decode(column: "number", as: String.self),
                text: DisplayText.excerpt(try row.decode(column: "excerpt", as: String.self)),
                unitName: try row.decode(column: "name", as: String.self),
                shownLight: try row.decode(column: "shown_light", as: String.self),
                reasons: try row.decode(column: "reasons", as: String.self),
                nextDue: try row.decode(column: "next_due", as: String.self),
                lastReport: try row.decode(column: "last_report", as: String.self),
                figures: try row.decode(column: "figures", as: String.self))
        }
    }

    /// Each unit with a red or yellow light: the names a 督查通报 would list, worst first.
    func unitLines() async throws -> [OversightPage.UnitLine] {
        guard !planIDs.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            SELECT d.unit_id, u.name, \
            SUM(CASE WHEN d.severity = 2 THEN 1 ELSE 0 END) AS red, \
            SUM(CASE WHEN d.severity = 1 THEN 1 ELSE 0 END) AS yellow, \
            SUM(CASE WHEN d.severity = 0 THEN 1 ELSE 0 END) AS green, \
            CAST(SUM(d.late_reports) AS BIGINT) AS late \
            FROM duty_states d JOIN units u ON u.id = d.unit_id WHERE \(scope) \
            GROUP BY d.unit_id, u.name HAVING MAX(d.severity) > 0
            """
        ).all()
        let lines = try rows.map { row in
            OversightPage.UnitLine(
                name: try row.decode(column: "name", as: String.self),
                href: SiteURL.unitDesk(try row.decode(column: "unit_id", as: UUID.self)).path,
                red: try row.decode(column: "red", as: Int.self),
                yellow: try row.decode(column: "yellow", as: Int.self),
                green: try row.decode(column: "green", as: Int.self),
                lateReports: try row.decode(column: "late", as: Int.self))
        }
        return OversightQuery.worstFirst(lines)
    }

    /// The status mix per plan (newest first), or per outermost section for one plan.
    func sectionMix(plans: [UUID: (title: String, year: Int)]) async throws -> SupervisionCharts.Mix {
        var mix = SupervisionCharts.Mix()
        guard !planIDs.isEmpty else { return mix }
        if planIDs.count > 1 {
            var counts: [UUID: [Int: Int]] = [:]
            for row in try await sql.raw(
                """
                SELECT d.plan_id, d.bucket, COUNT(*) AS n FROM duty_states d WHERE \(scope) \
                GROUP BY d.plan_id, d.bucket
                """
            ).all() {
                counts[try row.decode(column: "plan_id", as: UUID.self), default: [:]][
                    try row.decode(column: "bucket", as: Int.self)] = try row.decode(column: "n", as: Int.self)
            }
            let ordered = counts.keys.sorted {
                (plans[$0]?.year ?? 0, $1.uuidString) > (plans[$1]?.year ?? 0, $0.uuidString)
            }
            for planID in ordered {
                for (bucket, count) in (counts[planID] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    mix.add(plans[planID]?.title ?? "", bucket: bucket, count: count)
                }
            }
            return mix
        }
        // Each section's outermost section, worked out by the database, so a plan of hundreds of sections
        // returns a row per top section and light rather than per section.
        let rows = try await sql.raw(
            """
            WITH RECURSIVE roots(id, root, depth) AS ( \
            SELECT id, id, 0 FROM plan_sections WHERE parent_id IS NULL AND plan_id IN (\(binds: planIDs)) \
            UNION ALL SELECT s.id, r.root, r.depth + 1 FROM plan_sections s JOIN roots r ON s.parent_id = r.id \
            WHERE r.depth < 20) \
            SELECT r.root, MIN(t.position) AS first, d.bucket, COUNT(*) AS n \
            FROM duty_states d JOIN tasks t ON t.id = d.task_id LEFT JOIN roots r ON r.id = t.section_id \
            WHERE \(scope) GROUP BY r.root, d.bucket
            """
        ).all()
        var titles: [UUID: String] = [:]
        for row in try await sql.raw(
            "SELECT id, title FROM plan_sections WHERE parent_id IS NULL AND plan_id IN (\(binds: planIDs))"
        ).all() {
            titles[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "title", as: String.self)
        }
        var entries: [(first: Int, label: String, bucket: Int, count: Int)] = []
        for row in rows {
            let root = try row.decode(column: "root", as: UUID?.self)
            entries.append(
                (
                    try row.decode(column: "first", as: Int.self), root.flatMap { titles[$0] } ?? "",
                    try row.decode(column: "bucket", as: Int.self), try row.decode(column: "n", as: Int.self)
                ))
        }
        // Sections in the plan's order: each label where its first task stands.
        var first: [String: Int] = [:]
        for entry in entries { first[entry.label] = min(first[entry.label] ?? .max, entry.first) }
        for entry in entries.sorted(by: { (first[$0.label] ?? 0, $0.bucket) < (first[$1.label] ?? 0, $1.bucket) }) {
            mix.add(entry.label, bucket: entry.bucket, count: entry.count)
        }
        return mix
    }

    /// The status mix of the named units.
    func unitMix(_ units: [OversightPage.UnitLine]) async throws -> SupervisionCharts.Mix {
        var mix = SupervisionCharts.Mix()
        let names = units.map(\.name)
        guard !planIDs.isEmpty, !names.isEmpty else { return mix }
        for row in try await sql.raw(
            """
            SELECT u.name, d.bucket, COUNT(*) AS n FROM duty_states d JOIN units u ON u.id = d.unit_id \
            WHERE \(scope) AND u.name IN (\(binds: names)) GROUP BY u.name, d.bucket
            """
        ).all() {
            mix.add(
                try row.decode(column: "name", as: String.self), bucket: try row.decode(column: "bucket", as: Int.self),
                count: try row.decode(column: "n", as: Int.self))
        }
        return mix
    }

    /// The status mix per responsible leader; duties of tasks naming none under `SupervisionCharts.noLeader`.
    func leaderMix() async throws -> SupervisionCharts.Mix {
        var mix = SupervisionCharts.Mix()
        guard !planIDs.isEmpty else { return mix }
        for row in try await sql.raw(
            """
            SELECT l.name, d.bucket, COUNT(*) AS n FROM duty_states d \
            LEFT JOIN task_leaders tl ON tl.task_id = d.task_id LEFT JOIN leaders l ON l.id = tl.leader_id \
            WHERE \(scope) GROUP BY l.name, d.bucket
            """
        ).all() {
            mix.add(
                try row.decode(column: "name", as: String?.self) ?? SupervisionCharts.noLeader,
                bucket: try row.decode(column: "bucket", as: Int.self), count: try row.decode(column: "n", as: Int.self)
            )
        }
        return mix
    }

    /// How many duties each plan holds.
    func dutiesPerPlan() async throws -> [UUID: Int] {
        guard !planIDs.isEmpty else { return [:] }
        var result: [UUID: Int] = [:]
        for row in try await sql.raw(
            "SELECT d.plan_id, COUNT(*) AS n FROM duty_states d WHERE \(scope) GROUP BY d.plan_id"
        ).all() {
            result[try row.decode(column: "plan_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    /// One plan's filings per period.
    func periodTotals(planID: UUID, duties: Int) async throws -> SupervisionCharts.PeriodTotals {
        var totals = SupervisionCharts.PeriodTotals(duties: duties)
        for row in try await sql.raw(
            """
            SELECT d.period, SUM(CASE WHEN d.on_time THEN 1 ELSE 0 END) AS on_time, \
            CAST(SUM(d.figures) AS BIGINT) AS figures, CAST(SUM(d.figures_on_pace) AS BIGINT) AS on_pace \
            FROM duty_period_states d WHERE d.plan_id = \(bind: planID) AND \(scope) GROUP BY d.period
            """
        ).all() {
            let period = try row.decode(column: "period", as: String.self)
            totals.onTime[period] = try row.decode(column: "on_time", as: Int.self)
            totals.figures[period] = try row.decode(column: "figures", as: Int.self)
            totals.onPace[period] = try row.decode(column: "on_pace", as: Int.self)
        }
        return totals
    }

    /// Unit names compare by code point on both engines, as Swift compares them: PostgreSQL's default collation
    /// would order Chinese names by its locale instead.
    private var bytewise: String { sql.isPostgreSQL ? " COLLATE \"C\"" : "" }
}
