@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// A whole reporting year of the sample plan (2025, default rules: work plans by 2月15日, quarterly reports by the
/// 20th of the following month), run day by day on a moved clock with the reminder job running every day:
/// work plans filed (one late), four quarters of reports (one late, one returned and revised, one unit slipping
/// twice), reminders firing exactly on their days, lights changing as they should.
@Suite("A reporting year")
struct ReportingYearTests {
    /// The sample plan's units that report (its 牵头单位) and a task each.
    struct Cast {
        var finance: UUID, civil: UUID, transport: UUID
        var policyTask: UUID, canteenTask: UUID, parkingTask: UUID
        var allReporters: [(unit: UUID, tasks: [UUID])]
    }

    @Test("Work plans, four quarters, reminders and lights over a year", arguments: TestDatabase.available)
    func year(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let clock = ManualClock(Date(timeIntervalSince1970: 1_735_689_600))  // 2025-01-01 08:00 CST
            app.clock = AppClock(clock)
            let cast = try await Self.cast(sample, on: app.db)
            let office = Webhook(
                governmentID: sample.governmentID, unitID: nil, name: "督查室群", url: "http://127.0.0.1:9/hook")
            try await office.create(on: app.db)
            let admin = try await sample.user(.admin, on: app.db)
            var light: [String: TrafficLight] = [:]
            func day(_ text: String) throws -> CalendarDay {
                guard let day = CalendarDay(text) else { throw ReportFilingError.periodNotExpected(text) }
                return day
            }
            func lights(on today: CalendarDay) async throws -> [String: TrafficLight] {
                var result: [String: TrafficLight] = [:]
                for status in try await DutyStatus.board(.plan(sample.mainPlanID), today: today, on: app.db) {
                    result["\(status.duty.taskID)|\(status.unit.id)"] = status.light
                }
                return result
            }
            func lightOf(_ task: UUID, _ unit: UUID) -> TrafficLight? { light["\(task)|\(unit)"] }
            func filer(_ today: CalendarDay) -> ReportFiling.Filer {
                ReportFiling.Filer(userID: nil, actor: .system, requestID: nil, now: clock.now, today: today)
            }
            func report(
                _ unit: UUID, _ task: UUID, _ period: ReportingPeriod, _ status: ReportStatus, on today: CalendarDay
            )
                async throws -> ProgressReport
            {
                try await ReportFiling.submit(
                    .init(
                        period: period, status: status, reason: status.requiresReason ? "征地手续未办结" : "",
                        narrative: "\(period.label)按计划推进。", actuals: [], newFiles: [], keptAttachmentIDs: []),
                    taskID: task, unitID: unit, by: filer(today), on: app.db)
            }
            let q = (1...3).compactMap { ReportingPeriod.quarter($0, of: 2025) }
            let q4 = try #require(ReportingPeriod.quarter(4, of: 2025))
            var remindersByDay: [String: [String]] = [:]
            var returnedReport: UUID?
            // As the background job runs it: a government is worked out again only when its inputs changed.
            let rounds = ReminderRounds()

            // act: every day of the year, the job runs, then the day's filings happen
            var today = try day("2025-02-01")
            let end = try day("2026-01-31")
            while today <= end {
                clock.set(today)
                let before = try await Notification.query(on: app.db).count()
                try await ReminderEngine.run(now: clock.now, today: today, on: app.db, rounds: rounds)
                let new = try await Notification.query(on: app.db).sort(\.$createdAt).all().dropFirst(before)
                // Only the sample's main plan is followed; its cascade plan's units never report here.
                let ofMainPlan = new.compactMap(\.dedupeKey).filter { $0.contains(":\(sample.mainPlanID)") }
                if !ofMainPlan.isEmpty { remindersByDay[today.description] = ofMainPlan }
                switch today.description {
                case "2025-02-10":
                    for (unit, tasks) in cast.allReporters where unit != cast.civil {
                        for task in tasks {
                            _ = try await WorkPlanFiling.submit(
                                [
                                    .init(content: "制定实施方案并分解到科室", plannedMonth: 3, leader: "分管副局长", department: "综合科"),
                                    .init(content: "完成年度目标任务", plannedMonth: 12, leader: "分管副局长", department: "业务科"),
                                ],
                                taskID: task, unitID: unit, by: filer(today), on: app.db)
                        }
                    }
                case "2025-02-20":
                    _ = try await WorkPlanFiling.submit(
                        [.init(content: "新建社区食堂选址", plannedMonth: 4, leader: "副局长", department: "养老服务科")],
                        taskID: cast.canteenTask, unitID: cast.civil, by: filer(today), on: app.db)
                case "2025-04-15":
                    for (unit, tasks) in cast.allReporters where unit != cast.transport {
                        for task in tasks { _ = try await report(unit, task, q[0], .onSchedule, on: today) }
                    }
                case "2025-04-16":
                    light = try await lights(on: today)
                    // assert: 4 days before the due day, the one unit not yet reporting shows yellow
                    #expect(lightOf(cast.parkingTask, cast.transport) == .yellow)
                    #expect(lightOf(cast.policyTask, cast.finance) == .green)
                case "2025-04-21":
                    light = try await lights(on: today)
                    #expect(lightOf(cast.parkingTask, cast.transport) == .red)
                    let civilQ1 = try #require(
                        try await ProgressReport.query(on: app.db).filter(\.$task.$id == cast.canteenTask)
                            .filter(\.$period == q[0].key).first())
                    let returned = try await Review.perform(
                        ProgressReport.self, id: try civilQ1.requireID(), accept: false, comment: "请补充食堂选址和开工时间",
                        by: ReportFiling.Filer(
                            userID: try admin.requireID(), actor: .system, requestID: nil, now: clock.now, today: today),
                        governmentID: sample.governmentID, on: app.db)
                    returnedReport = try returned.requireID()
                case "2025-04-23":
                    let revised = try await report(cast.civil, cast.canteenTask, q[0], .onSchedule, on: today)
                    #expect(revised.version == 2 && revised.daysLate == 0, "lateness is fixed by the first filing")
                case "2025-04-25":
                    let late = try await report(cast.transport, cast.parkingTask, q[0], .onSchedule, on: today)
                    #expect(late.daysLate == 5 && late.dueOn == "2025-04-20")
                    light = try await lights(on: today)
                    #expect(lightOf(cast.parkingTask, cast.transport) == .green, "a late report, once in, turns green")
                case "2025-07-18":
                    for (unit, tasks) in cast.allReporters {
                        for task in tasks {
                            _ = try await report(
                                unit, task, q[1], task == cast.canteenTask ? .behind : .onSchedule, on: today)
                        }
                    }
                    light = try await lights(on: today)
                    #expect(lightOf(cast.canteenTask, cast.civil) == .yellow, "slipping once is yellow")
                case "2025-10-14":
                    for (unit, tasks) in cast.allReporters {
                        for task in tasks {
                            _ = try await report(
                                unit, task, q[2], task == cast.canteenTask ? .behind : .onSchedule, on: today)
                        }
                    }
                    light = try await lights(on: today)
                    #expect(lightOf(cast.canteenTask, cast.civil) == .red, "slipping twice is red")
                    #expect(lightOf(cast.policyTask, cast.finance) == .green)
                case "2026-01-18":
                    for (unit, tasks) in cast.allReporters {
                        for task in tasks { _ = try await report(unit, task, q4, .completed, on: today) }
                    }
                    light = try await lights(on: today)
                    #expect(light.values.allSatisfy { $0 == .green }, "every task completed is green")
                default:
                    break
                }
                today = today.adding(days: 1)
            }

            // assert: reminders fired exactly on their days and once
            let finance = cast.finance, civil = cast.civil, transport = cast.transport, plan = sample.mainPlanID
            #expect(remindersByDay["2025-02-12"]?.contains("workplan-due:\(civil):\(plan)") == true)
            #expect(remindersByDay["2025-02-12"]?.contains("workplan-due:\(finance):\(plan)") != true, "filed on 2月10日")
            #expect(remindersByDay["2025-02-16"] == ["workplan-overdue:\(civil):\(plan)"])
            #expect(
                remindersByDay["2025-04-17"] == ["due:\(transport):\(plan):2025-Q1"],
                "3 days before 4月20日, only the unit not yet filed")
            #expect(remindersByDay["2025-04-21"] == ["overdue:\(transport):\(plan):2025-Q1"])
            #expect(remindersByDay.keys.filter { $0 > "2025-04-21" && $0 < "2025-07-17" }.isEmpty, "nothing between")
            let julyDue = try #require(remindersByDay["2025-07-17"])
            #expect(julyDue.count == cast.allReporters.count, "everyone is reminded of Q2 on 7月17日")
            #expect(remindersByDay["2025-07-21"] == nil, "everyone filed Q2 on 7月18日")
            let overdue = try #require(
                try await Notification.query(on: app.db).filter(\.$dedupeKey == "overdue:\(transport):\(plan):2025-Q1")
                    .first())
            #expect(overdue.title == "1 项任务的2025年第一季度完成情况已逾期")
            #expect(
                overdue.body.hasPrefix("《") && overdue.body.contains("》应于2025年4月20日前报送，已逾期 1 天。任务：第 6 项“新增公共停车泊位2000个"))
            let keys = try await Notification.query(on: app.db).all().compactMap(\.dedupeKey)
            #expect(keys.count == Set(keys).count)

            // assert: versions kept, review trail, late marks
            let civilQ1 = try await ProgressReport.query(on: app.db).filter(\.$task.$id == cast.canteenTask)
                .filter(\.$period == q[0].key).sort(\.$version).all()
            #expect(civilQ1.map(\.version) == [1, 2])
            #expect(civilQ1.map(\.state) == [.superseded, .submitted])
            #expect(civilQ1.first?.id == returnedReport && civilQ1.first?.reviewComment == "请补充食堂选址和开工时间")
            let lateOnes = try await ProgressReport.query(on: app.db).filter(\.$daysLate > 0).all()
            #expect(lateOnes.map(\.daysLate) == [5])
            let notices = try await Notification.query(on: app.db).filter(\.$unit.$id == civil)
                .filter(\.$kind == .returned).count()
            #expect(notices == 1)
            // every notification reached the office webhook's queue
            let deliveries = try await WebhookDelivery.query(on: app.db).count()
            #expect(deliveries == (try await Notification.query(on: app.db).count()))
            let reports = try await ProgressReport.query(on: app.db).filter(\.$kind == .report).count()
            #expect(reports == cast.allReporters.map(\.tasks.count).reduce(0, +) * 4 + 1)
        }
    }

    /// The sample plan's reporting units and their tasks.
    static func cast(_ sample: SampleData, on database: any Database) async throws -> Cast {
        let (duties, _) = try await TaskDuty.load(.plan(sample.mainPlanID), on: database)
        var byUnit: [UUID: [UUID]] = [:]
        var order: [UUID] = []
        for duty in duties {
            for unit in duty.reporters {
                if byUnit[unit.id] == nil { order.append(unit.id) }
                byUnit[unit.id, default: []].append(duty.taskID)
            }
        }
        return Cast(
            finance: try await sample.unit("区财政局", on: database).requireID(),
            civil: try await sample.unit("区民政局", on: database).requireID(),
            transport: try await sample.unit("区交通运输局", on: database).requireID(),
            policyTask: try await sample.task("建立涉企政策", on: database).requireID(),
            canteenTask: try await sample.task("新建社区食堂", on: database).requireID(),
            parkingTask: try await sample.task("新增公共停车泊位", on: database).requireID(),
            allReporters: order.map { ($0, byUnit[$0] ?? []) })
    }
}
