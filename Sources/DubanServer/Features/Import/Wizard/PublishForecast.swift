import DubanCore
import Fluent
import Foundation

/// What publishing a draft will do, shown before the admin confirms: per plan its tasks, reporting rules and
/// the reports that will be overdue the moment it is published; the units and leaders that will be created;
/// and any published plan it would duplicate.
struct PublishForecast: Sendable {
    /// One plan to be made.
    struct Plan: Sendable {
        var title: String
        var year: Int
        var docNumber: String?
        var taskCount: Int
        var rules: ReportingRules
        /// True when the rules were read from the plan's notice, false for the defaults.
        var rulesFromNotice: Bool
        /// The deadlines already past today, earliest first.
        var pastDeadlines: [ReportingDeadline]
        /// A published plan of the government with the same 文号, or the same title and year.
        var duplicate: DuplicatePlan?
    }

    /// A published plan a new one would repeat.
    struct DuplicatePlan: Sendable {
        var id: UUID
        var title: String
        var year: Int
        /// "文号" or "名称和年份": what the two share.
        var sharedBy: String
    }

    var plans: [Plan]
    var newUnits: [String]
    var newLeaders: [String]
    /// Unit and leader names still waiting for the administrator's choice; publishing refuses while any is.
    var undecided: [String]

    /// True when some plan repeats a published one.
    var hasDuplicate: Bool { plans.contains { $0.duplicate != nil } }

    /// Works out the forecast for `draft` (a new plan, not a revision) as of `today`.
    static func make(_ draft: ImportDraft, today: CalendarDay, on database: any Database) async throws
        -> PublishForecast
    {
        let governmentID = draft.$government.id
        let documents = ImportWizard.documents(of: draft).documents.filter { !$0.tasks.isEmpty }
        let units = try await ImportWizard.unitRows(documents, governmentID: governmentID, on: database)
        let choices = draft.unitChoices
        let leaders = try await ImportWizard.leaderRows(documents, governmentID: governmentID, on: database)
        let leaderChoices = draft.leaderChoices
        var plans: [Plan] = []
        for document in documents {
            let year = PlanYear.resolve(chosen: draft.year, document: document)
            let detected = ReportingRules.detect(in: draft.sourceText, year: year)
            let rules = detected?.rules ?? .default
            let calendar = ReportingCalendar(rules: rules, year: year)
            plans.append(
                Plan(
                    title: document.title, year: year, docNumber: document.docNumber, taskCount: document.tasks.count,
                    rules: rules, rulesFromNotice: detected != nil,
                    pastDeadlines: calendar.deadlines.filter { $0.hasPassed(on: today) },
                    duplicate: try await duplicate(of: document, year: year, governmentID: governmentID, on: database)))
        }
        return PublishForecast(
            plans: plans,
            newUnits: units.filter { row in
                row.match.resolvedID == nil && (row.match == .unknown || choices[row.name] == ImportDraft.newUnit)
            }.map(\.name),
            newLeaders: leaders.filter { row in
                row.match == .unknown || leaderChoices[row.name] == ImportDraft.newUnit
            }.map(\.name),
            undecided: ImportWizard.undecided(units, choices: choices)
                + ImportWizard.undecidedLeaders(leaders, choices: leaderChoices))
    }

    /// The published plan of the government that `document` repeats: same 文号, else same title and year.
    static func duplicate(of document: PlanDocument, year: Int, governmentID: UUID, on database: any Database)
        async throws -> DuplicatePlan?
    {
        try await duplicate(
            docNumber: document.docNumber, title: document.title, year: year, governmentID: governmentID,
            on: database)
    }

    /// The plan in force of the government with this 文号, else this title and year, other than `excluded`.
    /// A withdrawn plan repeats nothing: its replacement may be published, and it is checked again on restore.
    static func duplicate(
        docNumber: String?, title: String, year: Int, governmentID: UUID, excluding excluded: UUID? = nil,
        on database: any Database
    ) async throws -> DuplicatePlan? {
        var plans = DubanServer.Plan.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$withdrawnAt == nil)
        if let excluded { plans = plans.filter(\.$id != excluded) }
        if let number = docNumber, !number.isEmpty,
            let same = try await plans.copy().filter(\.$docNumber == number).first()
        {
            return DuplicatePlan(id: try same.requireID(), title: same.title, year: same.year, sharedBy: "文号")
        }
        if let same = try await plans.copy().filter(\.$title == title).filter(\.$year == year).first() {
            return DuplicatePlan(id: try same.requireID(), title: same.title, year: same.year, sharedBy: "名称和年份")
        }
        return nil
    }

    /// The rules with every period already due left out: the plan starts with the next report. A plan whose
    /// whole year is past expects no report at all.
    static func withoutBackReporting(_ rules: ReportingRules, year: Int, today: CalendarDay) -> ReportingRules {
        let calendar = ReportingCalendar(rules: rules, year: year)
        var adjusted = rules
        if let next = calendar.deadlines.first(where: { !$0.hasPassed(on: today) }) {
            adjusted.firstPeriodIndex = next.period.index
        } else {
            adjusted.firstPeriodIndex = rules.cycle.periodsPerYear + 1
        }
        return adjusted
    }
}
