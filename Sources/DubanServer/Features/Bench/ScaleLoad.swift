import DubanCore
import Fluent
import Foundation

/// The sizes `duban bench web --scale` loads. A province runs one installation for itself, its cities and their
/// districts: about 50,000 tasks, 2,000 units, 10,000 accounts and 200,000 reports a year.
struct BenchScale: Sendable {
    var name: String
    var cities: Int
    var districtsPerCity: Int
    var tasksPerGovernment: Int
    var unitsPerGovernment: Int
    var clerksPerUnit: Int

    var governments: Int { 1 + cities + cities * districtsPerCity }

    /// One district as large as today's biggest: 5,000 tasks over 300 units.
    static let district = BenchScale(
        name: "district", cities: 0, districtsPerCity: 0, tasksPerGovernment: 5_000, unitsPerGovernment: 300,
        clerksPerUnit: 2)
    /// A province, 4 cities and 20 districts: 25 governments of 2,000 tasks and 80 units, five clerks a unit.
    static let province = BenchScale(
        name: "province", cities: 4, districtsPerCity: 5, tasksPerGovernment: 2_000, unitsPerGovernment: 80,
        clerksPerUnit: 5)

    static func named(_ name: String) -> BenchScale? {
        [district, province].first { $0.name == name }
    }
}

/// Loads a scale: the governments' tree, and in each government leaders, an administrator and clerks, and a plan
/// imported as an office imports one (sections, tasks, roles, units); then a year of work — reports with
/// figures and a little evidence, reviews, returns and second versions, notifications and audit entries —
/// written in multi-row inserts of a thousand rows, not one by one through the services. Fixed by its seed.
struct ScaleLoad {
    /// What the requests point at: the top government's plan, unit and task, and a district clerk.
    struct Targets: Sendable {
        var governmentID: UUID
        var planID: UUID
        var unitID: UUID
        var taskID: UUID
        var leaderID: UUID
        var tasks: Int
        var units: Int
        var accounts: Int
        var reports: Int
        /// A clerk of the busiest unit of the top government, for the desk and notifications as a clerk sees them.
        var clerkUsername: String
    }

    static let adminUsername = WebBenchLoad.username
    static let password = WebBenchLoad.password

    let database: any Database
    let today: CalendarDay
    let report: @Sendable (String) -> Void

    func load(_ scale: BenchScale) async throws -> Targets {
        let hash = try await PasswordHashing(cost: 4).hash(Self.password)
        var governments: [(Government, name: String)] = []
        let top = Government(
            name: scale.cities > 0 ? "压测省人民政府" : WebBenchLoad.governmentName, shortName: "压测",
            level: scale.cities > 0 ? "省" : "区")
        try await top.create(on: database)
        governments.append((top, "压测"))
        for city in 1...max(1, scale.cities) where scale.cities > 0 {
            let cityGovernment = Government(
                name: "压测\(city)市人民政府", shortName: "压测\(city)市", level: "市", parentID: try top.requireID())
            try await cityGovernment.create(on: database)
            governments.append((cityGovernment, "压测\(city)市"))
            for district in 1...max(1, scale.districtsPerCity) where scale.districtsPerCity > 0 {
                let districtGovernment = Government(
                    name: "压测\(city)市\(district)区人民政府", shortName: "\(city)市\(district)区", level: "区",
                    parentID: try cityGovernment.requireID())
                try await districtGovernment.create(on: database)
                governments.append((districtGovernment, "\(city)市\(district)区"))
            }
        }
        var counts = (tasks: 0, units: 0, accounts: 0, reports: 0)
        var targets: Targets?
        for (index, (government, name)) in governments.enumerated() {
            let started = ContinuousClock.now
            let loaded = try await loadGovernment(
                government, index: index, scale: scale, hash: hash)
            counts.tasks += loaded.tasks
            counts.units += loaded.units
            counts.accounts += loaded.accounts
            counts.reports += loaded.reports
            if index == 0 { targets = loaded }
            report(
                "  \(name): \(loaded.tasks) tasks, \(loaded.units) units, \(loaded.accounts) accounts, "
                    + "\(loaded.reports) reports in "
                    + String(format: "%.1f s", started.duration(to: .now).inSeconds))
        }
        guard var result = targets else { throw WebBenchError.stopped("no government was loaded") }
        // What the background job does once the server is up: every plan's lights worked out for today.
        let lights = ContinuousClock.now
        try await DutyStateJob.run(today: today, on: database)
        report("  lights of every plan worked out in " + String(format: "%.1f s", lights.duration(to: .now).inSeconds))
        // What an operator runs after a bulk load (PostgreSQL's autovacuum does it too, in its own time): the
        // planners choose their indexes from the tables' statistics, which a fresh load leaves empty.
        try await database.requireSQL().raw("ANALYZE").run()
        result.tasks = counts.tasks
        result.units = counts.units
        result.accounts = counts.accounts
        result.reports = counts.reports
        return result
    }

    /// One government: leaders, accounts, its plan through the importer, then its year of reports in bulk.
    private func loadGovernment(_ government: Government, index: Int, scale: BenchScale, hash: String)
        async throws -> Targets
    {
        let governmentID = try government.requireID()
        let prefix = index == 0 ? "" : "g\(index)-"
        let leaders = SyntheticPlan.leaderNames.enumerated().map { position, name in
            Leader(
                governmentID: governmentID, name: name, title: position == 0 ? "主要负责同志" : "分管负责同志",
                portfolio: "压测分工", position: position)
        }
        try await leaders.create(on: database)
        let document = SyntheticPlan.document(
            tasks: scale.tasksPerGovernment, units: scale.unitsPerGovernment, year: today.year)
        let plan = try await PlanImporter(database: database).importPlan(document, governmentID: governmentID)
        let planID = try plan.requireID()
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID).all()
        var users = [
            User(
                governmentID: governmentID, username: prefix + Self.adminUsername, displayName: "督查室",
                passwordHash: hash, role: .admin)
        ]
        for (position, unit) in units.enumerated() {
            for clerk in 1...scale.clerksPerUnit {
                users.append(
                    User(
                        governmentID: governmentID, username: "\(prefix)clerk-\(position + 1)-\(clerk)",
                        displayName: "经办人", passwordHash: hash, role: .clerk, unitID: try unit.requireID()))
            }
        }
        try await Self.insert(users, on: database)
        let (duties, reportings) = try await TaskDuty.load(.plan(planID), on: database)
        let reports = try await fileYear(
            duties, reporting: reportings[planID], governmentID: governmentID, seed: UInt64(index))
        let busiest = try await Self.busiestUnit(planID: planID, on: database)
        let position = units.firstIndex { $0.id == busiest.unit } ?? 0
        let leaderID = try leaders[0].requireID()
        return Targets(
            governmentID: governmentID, planID: planID, unitID: busiest.unit, taskID: busiest.task, leaderID: leaderID,
            tasks: document.tasks.count, units: units.count, accounts: users.count, reports: reports,
            clerkUsername: "\(prefix)clerk-\(position + 1)-1")
    }

    /// The unit leading the most tasks, and one of its tasks.
    private static func busiestUnit(planID: UUID, on database: any Database) async throws -> (unit: UUID, task: UUID) {
        let sql = try database.requireSQL()
        guard
            let busiest = try await sql.raw(
                """
                SELECT a.unit_id, count(*) AS n FROM task_assignments a JOIN tasks t ON t.id = a.task_id \
                WHERE t.plan_id = \(bind: planID) GROUP BY a.unit_id ORDER BY n DESC, a.unit_id LIMIT 1
                """
            ).first(),
            case let unitID = try busiest.decode(column: "unit_id", as: UUID.self),
            let task = try await sql.raw(
                """
                SELECT a.task_id FROM task_assignments a JOIN tasks t ON t.id = a.task_id \
                WHERE t.plan_id = \(bind: planID) AND a.unit_id = \(bind: unitID) ORDER BY t.position LIMIT 1
                """
            ).first()
        else { throw WebBenchError.stopped("the plan has no assigned tasks") }
        return (unitID, try task.decode(column: "task_id", as: UUID.self))
    }

    /// The year so far: every due quarter filed by most reporting units (some late, some not at all), a quarter
    /// of them reporting the coming quarter early; reviews accepted or returned, returns filed again; figures for
    /// tasks with targets; one report in fifty with evidence; a notification and an audit entry per filing.
    private func fileYear(_ duties: [TaskDuty], reporting: PlanReporting?, governmentID: UUID, seed: UInt64)
        async throws -> Int
    {
        guard let reporting else { return 0 }
        var random = SeededRandom(seed: 9_000 + seed)
        let blobs = try await evidenceBlobs()
        let periods = (1...4).compactMap { ReportingPeriod.quarter($0, of: today.year) }
        var batch = ScaleBatch()
        var filed = 0
        let now = Date()
        for duty in duties {
            let targets = TaskTargets.of(duty.text)
            for unit in duty.reporters {
                for period in periods {
                    guard let deadline = reporting.calendar.deadline(for: period) else { continue }
                    let isDue = deadline.due <= today
                    guard random.chance(isDue ? 0.9 : 0.25) else { continue }
                    let returned = isDue && random.chance(0.08)
                    for version in 1...(returned ? 2 : 1) {
                        let late = random.chance(0.15) ? random.int(in: 1...20) : 0
                        let state: ReviewState =
                            version == 1 && returned
                            ? .returned : (isDue && random.chance(0.7) ? .accepted : .submitted)
                        let behind = random.chance(0.1)
                        let report = ProgressReport(
                            id: UUID(), taskID: duty.taskID, unitID: unit.id, period: period.key, kind: .report,
                            version: version, status: behind ? .behind : .onSchedule,
                            reason: behind ? "受项目审批进度影响，滞后于计划。" : "", narrative: "按计划推进，\(period.label)完成阶段任务。",
                            dueOn: deadline.due.description,
                            submittedOn: deadline.due.adding(days: late - random.int(in: 0...10)).description,
                            daysLate: late, submittedAt: now, submittedByID: nil)
                        if state != .submitted {
                            report.state = state
                            report.reviewedAt = now
                            report.reviewComment = state == .returned ? "请补充量化进度。" : ""
                        }
                        batch.reports.append(report)
                        filed += 1
                        let reportID = report.id ?? UUID()
                        for (position, target) in targets.prefix(3).enumerated() {
                            batch.actuals.append(
                                ReportActual(
                                    reportID: reportID, position: position, label: target.label,
                                    unitOfMeasure: target.unit, targetValue: target.value,
                                    actualValue: target.value * Double(random.int(in: 10...90)) / 100))
                        }
                        if random.chance(0.02), let blob = random.element(of: blobs) {
                            batch.attachments.append(
                                ReportAttachment(
                                    reportID: reportID, fileName: "佐证材料.pdf", contentType: "application/pdf",
                                    byteCount: blob.bytes, blobID: blob.id))
                        }
                        batch.notifications.append(
                            Notification(
                                governmentID: governmentID, unitID: nil, kind: .submitted, title: "新的报送",
                                body: "\(unit.name)报送第 \(duty.number) 项任务\(period.label)完成情况",
                                link: SiteURL.report(reportID).path, sender: unit.name, dedupeKey: nil, createdAt: now))
                        batch.audits.append(
                            AuditEvent(
                                governmentID: governmentID, occurredAt: now, actorID: nil, actorName: unit.name,
                                action: AuditAction.reportSubmitted.rawValue, entityType: "task",
                                entityID: duty.taskID,
                                summary: "\(unit.name)报送第 \(duty.number) 项任务\(period.label)完成情况（第 \(version) 版）",
                                beforeState: nil, afterState: nil, requestID: nil))
                    }
                }
            }
            if batch.reports.count >= 5_000 { try await flush(&batch) }
        }
        try await flush(&batch)
        return filed
    }

    /// A few evidence files of 64 KB, shared by the reports that carry one (as versions share theirs).
    private func evidenceBlobs() async throws -> [(id: UUID, bytes: Int)] {
        var blobs: [(id: UUID, bytes: Int)] = []
        for seed in 0..<8 {
            let data = SurgeFiler.evidence(seed: seed, bytes: 64 * 1024)
            let blob = AttachmentBlob(sha256: EvidenceFile.sha256(of: data), data: data)
            try await blob.create(on: database)
            blobs.append((try blob.requireID(), data.count))
        }
        return blobs
    }

    /// Writes what the batch holds, parents first, in one transaction, and empties it.
    private func flush(_ batch: inout ScaleBatch) async throws {
        let pending = batch
        batch = ScaleBatch()
        try await database.writeTransaction { database in
            try await Self.insert(pending.reports, on: database)
            try await Self.insert(pending.actuals, on: database)
            try await Self.insert(pending.attachments, on: database)
            try await Self.insert(pending.notifications, on: database)
            try await Self.insert(pending.audits, on: database)
        }
    }

    /// Multi-row inserts of up to a thousand rows (under either engine's limit on bound values).
    private static func insert<M: Model>(_ models: [M], on database: any Database) async throws {
        for start in stride(from: 0, to: models.count, by: 1_000) {
            try await Array(models[start..<min(start + 1_000, models.count)]).create(on: database)
        }
    }
}

/// Rows waiting to be written together.
private struct ScaleBatch: @unchecked Sendable {
    var reports: [ProgressReport] = []
    var actuals: [ReportActual] = []
    var attachments: [ReportAttachment] = []
    var notifications: [Notification] = []
    var audits: [AuditEvent] = []
}
