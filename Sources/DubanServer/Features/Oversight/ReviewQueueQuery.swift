import DubanCore
import Fluent
import Foundation

/// Everything waiting for the 督查室: the current versions of reports and work plans not yet accepted or
/// returned, of the government's published plans, newest first. Counted and paged in SQL; the two kinds are
/// merged by submission time.
enum ReviewQueueQuery {
    static let pageSize = 50

    /// The queue's filters.
    struct Filter: Sendable, Equatable {
        var planID: UUID?
        var unitID: UUID?
        /// A period key ("2026-Q1"); only reports have one, so it leaves work plans out.
        var period: String?
        /// "report", "workplan" or nil for both.
        var kind: String?
        var page = 1
    }

    /// One waiting item.
    struct Item: Sendable {
        var isReport: Bool
        var id: UUID
        var taskID: UUID
        var number: String
        var text: String
        var planTitle: String
        var unitName: String
        var period: String?
        var version: Int
        var daysLate: Int
        var submittedAt: Date
        /// The quality flags standing on a report; 0 for a work plan.
        var flags = 0
    }

    /// The page of items (a page past the end shows the last), its number, and the total under the filter.
    static func page(governmentID: UUID, filter: Filter, perPage: Int = pageSize, on database: any Database)
        async throws -> (items: [Item], page: Int, total: Int)
    {
        let reportQuery =
            filter.kind != "workplan" ? reports(governmentID: governmentID, filter: filter, on: database) : nil
        let planQuery =
            filter.kind != "report" && filter.period == nil
            ? workPlans(governmentID: governmentID, filter: filter, on: database) : nil
        let reportTotal = try await reportQuery?.copy().count() ?? 0
        let planTotal = try await planQuery?.copy().count() ?? 0
        let total = reportTotal + planTotal
        let page = min(filter.page, Pager.pageCount(total: total, perPage: perPage))
        // Enough of each kind to fill the page after merging by time.
        let reach = page * perPage
        var items: [Item] = []
        if let reportQuery, reportTotal > 0 {
            let rows = try await reportQuery.with(\.$task) { $0.with(\.$plan) }.with(\.$unit).with(\.$flags)
                .sort(\.$submittedAt, .descending).limit(reach).all()
            items += try rows.map { report in
                Item(
                    isReport: true, id: try report.requireID(), taskID: report.$task.id, number: report.task.number,
                    text: report.task.text, planTitle: report.task.plan.title, unitName: report.unit.name,
                    period: report.period, version: report.version, daysLate: report.daysLate,
                    submittedAt: report.submittedAt, flags: report.flags.filter { $0.dismissedAt == nil }.count)
            }
        }
        if let planQuery, planTotal > 0 {
            let rows = try await planQuery.with(\.$task) { $0.with(\.$plan) }.with(\.$unit)
                .sort(\.$submittedAt, .descending).limit(reach).all()
            items += try rows.map { plan in
                Item(
                    isReport: false, id: try plan.requireID(), taskID: plan.$task.id, number: plan.task.number,
                    text: plan.task.text, planTitle: plan.task.plan.title, unitName: plan.unit.name, period: nil,
                    version: plan.version, daysLate: plan.daysLate, submittedAt: plan.submittedAt)
            }
        }
        let sorted = items.sorted { ($0.submittedAt, $0.id.uuidString) > ($1.submittedAt, $1.id.uuidString) }
        return (Array(sorted.dropFirst((page - 1) * perPage).prefix(perPage)), page, total)
    }

    /// The periods that have reports waiting, for the filter's options.
    static func periods(governmentID: UUID, on database: any Database) async throws -> [String] {
        try await reports(governmentID: governmentID, filter: Filter(), on: database).unique().all(\.$period)
            .sorted()
    }

    private static func reports(governmentID: UUID, filter: Filter, on database: any Database)
        -> QueryBuilder<ProgressReport>
    {
        var query = ProgressReport.query(on: database)
            .join(TaskRecord.self, on: \ProgressReport.$task.$id == \TaskRecord.$id)
            .join(Plan.self, on: \TaskRecord.$plan.$id == \Plan.$id)
            .filter(Plan.self, \.$government.$id == governmentID).filter(Plan.self, \.$withdrawnAt == nil)
            .filter(TaskRecord.self, \.$withdrawnAt == nil)
            .filter(\.$state == ReviewState.submitted).filter(\.$kind == ProgressReport.Kind.report)
        if let planID = filter.planID { query = query.filter(TaskRecord.self, \.$plan.$id == planID) }
        if let unitID = filter.unitID { query = query.filter(\.$unit.$id == unitID) }
        if let period = filter.period { query = query.filter(\.$period == period) }
        return query
    }

    private static func workPlans(governmentID: UUID, filter: Filter, on database: any Database)
        -> QueryBuilder<WorkPlan>
    {
        var query = WorkPlan.query(on: database)
            .join(TaskRecord.self, on: \WorkPlan.$task.$id == \TaskRecord.$id)
            .join(Plan.self, on: \TaskRecord.$plan.$id == \Plan.$id)
            .filter(Plan.self, \.$government.$id == governmentID).filter(Plan.self, \.$withdrawnAt == nil)
            .filter(TaskRecord.self, \.$withdrawnAt == nil)
            .filter(\.$state == ReviewState.submitted)
        if let planID = filter.planID { query = query.filter(TaskRecord.self, \.$plan.$id == planID) }
        if let unitID = filter.unitID { query = query.filter(\.$unit.$id == unitID) }
        return query
    }
}
