import DubanCore
import Fluent
import Foundation

/// A plan's reporting rules as they apply: the ones the 督查室 saved, else the ones read from the plan's own
/// notice, else the defaults — with the calendar they give for the plan's year.
struct PlanReporting: Sendable {
    /// Where the rules came from, shown beside them.
    enum Origin: Sendable, Equatable {
        case saved
        case detected
        case defaults
    }

    var planID: UUID
    var governmentID: UUID
    var planTitle: String
    var year: Int
    var rules: ReportingRules
    var origin: Origin
    /// What the notice said, when the rules were read from it.
    var detected: DetectedReportingRules?
    var calendar: ReportingCalendar { ReportingCalendar(rules: rules, year: year) }

    /// The rules of one plan. The notice (the source text, which can run to megabytes) is read only when the
    /// rules were not saved, or when `readingNotice` asks for what it said (the rules page): lights and reminders
    /// are worked out on every page, and saved rules need no parsing.
    static func load(_ plan: Plan, readingNotice: Bool = false, on database: any Database) async throws
        -> PlanReporting
    {
        let planID = try plan.requireID()
        let saved = plan.reportingRulesJSON.flatMap {
            try? JSONDecoder().decode(ReportingRules.self, from: Data($0.utf8))
        }
        var detected: DetectedReportingRules?
        if saved == nil || readingNotice {
            let source = try await PlanSource.query(on: database).filter(\.$plan.$id == planID).first()
            detected = source.flatMap { ReportingRules.detect(in: $0.text, year: plan.year) }
        }
        if let rules = saved {
            return PlanReporting(
                planID: planID, governmentID: plan.$government.id, planTitle: plan.title, year: plan.year, rules: rules,
                origin: .saved, detected: detected)
        }
        if let detected {
            return PlanReporting(
                planID: planID, governmentID: plan.$government.id, planTitle: plan.title, year: plan.year,
                rules: detected.rules, origin: .detected, detected: detected)
        }
        return PlanReporting(
            planID: planID, governmentID: plan.$government.id, planTitle: plan.title, year: plan.year,
            rules: .default, origin: .defaults, detected: nil)
    }

    /// The rules of several plans, by plan id.
    static func load(planIDs: [UUID], on database: any Database) async throws -> [UUID: PlanReporting] {
        guard !planIDs.isEmpty else { return [:] }
        var result: [UUID: PlanReporting] = [:]
        for plan in try await Plan.query(on: database).filter(\.$id ~~ planIDs).all() {
            result[try plan.requireID()] = try await load(plan, on: database)
        }
        return result
    }

    /// The rules as a plan stores them: JSON with sorted keys, so equal rules are stored alike.
    static func encoded(_ rules: ReportingRules) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(rules), as: UTF8.self)
    }

    /// Saves new rules for the plan, audited; refuses rules that do not hold together (`ReportingRulesError`).
    static func save(
        _ rules: ReportingRules, for plan: Plan, actor: AuditActor, requestID: String?, on database: any Database
    ) async throws {
        try rules.validate()
        let before = try await load(plan, on: database).rules
        let json = try encoded(rules)
        try await database.writeTransaction { database in
            plan.reportingRulesJSON = json
            try await plan.save(on: database)
            try await DutyStates.invalidate(planIDs: [try plan.requireID()], on: database)
            try await AuditLog.record(
                .rulesChanged, by: actor, governmentID: plan.$government.id, entityType: "plan",
                entityID: try plan.requireID(), summary: "修改方案《\(plan.title)》的报送规则",
                before: before.describe(), after: rules.describe(), requestID: requestID, on: database)
        }
    }
}
