import DubanCore
import Fluent
import Foundation

/// The report checks' cross-level part: a report on a task linked across levels is read against the same
/// period's reports at the other level. Filing the higher task's report, its figure is set against its lower
/// governments' slices added up; filing a lower task's, the higher task's figure is set against every lower
/// government's slice, this one's included. Only confirmed links count — a suggestion may be wrong.
enum LevelFigureChecks {
    /// The flags for `report`, a current consolidated report just written in the filing's transaction.
    static func flags(for filed: ProgressReport, on database: any Database) async throws -> [ReportQuality.Flag] {
        let reportID = try filed.requireID()
        guard
            let report = try await ProgressReport.query(on: database).filter(\.$id == reportID).with(\.$actuals)
                .first()
        else { return [] }
        let taskID = report.$task.id
        var flags: [ReportQuality.Flag] = []
        // As the higher level: this report's figures against the lower governments'.
        let children = try await confirmedChildren(of: taskID, on: database)
        if !children.isEmpty, let whole = try await TaskRecord.find(taskID, on: database) {
            for found in try await contradictions(
                whole: whole, wholeReports: [report], children: children, period: report.period, on: database)
            {
                flags.append(
                    ReportQuality.Flag(
                        kind: .contradictsOtherLevel, reportID: reportID.uuidString,
                        evidence: "本级报送" + found.contradiction.evidence))
            }
        }
        // As a lower level: the higher task's reports of the period against every lower government's.
        if let parentID = try await confirmedParent(of: taskID, on: database),
            let whole = try await TaskRecord.find(parentID, on: database)
        {
            let wholeReports = try await currentReports(of: [parentID], period: report.period, on: database)
            let siblings = try await confirmedChildren(of: parentID, on: database)
            for found in try await contradictions(
                whole: whole, wholeReports: wholeReports, children: siblings, period: report.period, on: database)
            {
                flags.append(
                    ReportQuality.Flag(
                        kind: .contradictsOtherLevel, reportID: reportID.uuidString,
                        relatedReportID: found.wholeReportID.uuidString,
                        evidence: "上级任务同期报送" + found.contradiction.evidence))
            }
        }
        return flags
    }

    private struct Found {
        var wholeReportID: UUID
        var contradiction: LevelFigures.Contradiction
    }

    /// Each of the higher task's reports whose figure for one of its targets is below the lower reports' sum.
    private static func contradictions(
        whole: TaskRecord, wholeReports: [ProgressReport], children: [UUID], period: String, on database: any Database
    ) async throws -> [Found] {
        let targets = QuantifiedTargets.extract(from: whole.text)
        guard !targets.isEmpty, !wholeReports.isEmpty else { return [] }
        let parts = try await lowerParts(
            whole: whole, targets: targets, children: children, period: period, on: database)
        var found: [Found] = []
        for higher in wholeReports {
            let own = figures(of: higher)
            for target in targets {
                guard let lower = parts[target],
                    let figure = own.first(where: { $0.label == target.label && $0.unit == target.unit }),
                    let contradiction = LevelFigures.contradiction(whole: figure.value, target: target, parts: lower)
                else { continue }
                found.append(Found(wholeReportID: try higher.requireID(), contradiction: contradiction))
            }
        }
        return found
    }

    /// Marks the figures of `filed`, a higher task's report, that equal what its lower governments reported for
    /// the period added up, with where they came from (`ReportActual.source`). Inside the filing's transaction.
    static func recordSources(of filed: ProgressReport, on database: any Database) async throws {
        let children = try await confirmedChildren(of: filed.$task.id, on: database)
        guard !children.isEmpty, let whole = try await TaskRecord.find(filed.$task.id, on: database) else { return }
        let targets = QuantifiedTargets.extract(from: whole.text)
        guard !targets.isEmpty else { return }
        let parts = try await lowerParts(
            whole: whole, targets: targets, children: children, period: filed.period, on: database)
        let actuals = try await ReportActual.query(on: database).filter(\.$report.$id == filed.requireID()).all()
        for actual in actuals {
            guard let value = actual.actualValue,
                let target = targets.first(where: { $0.label == actual.label && $0.unit == actual.unitOfMeasure }),
                let lower = parts[target], let source = LevelFigures.source(of: value, target: target, parts: lower)
            else { continue }
            actual.source = source
            try await actual.update(on: database)
        }
    }

    /// What each lower government reported for the period on the tasks localising `whole`, as contributions to
    /// its `targets` in their units.
    private static func lowerParts(
        whole: TaskRecord, targets: [QuantifiedTarget], children: [UUID], period: String, on database: any Database
    ) async throws -> [QuantifiedTarget: [LevelFigures.Part]] {
        let tasks = try await TaskRecord.query(on: database).filter(\.$id ~~ children).filter(\.$withdrawnAt == nil)
            .with(\.$plan) { $0.with(\.$government) }.all()
            .sorted { $0.plan.government.shortName < $1.plan.government.shortName }
        let reports = try await currentReports(of: children, period: period, on: database)
        var parts: [QuantifiedTarget: [LevelFigures.Part]] = [:]
        for child in tasks {
            let localisations = TargetLocalisation.compare(
                parentText: CascadePanelQuery.parentWords(child, whole), localText: child.text)
            for lower in reports where lower.$task.id == child.id {
                for (target, value) in LevelFigures.contributions(
                    figures(of: lower), localisations: localisations, to: targets)
                {
                    parts[target, default: []].append(
                        LevelFigures.Part(government: child.plan.government.shortName, value: value))
                }
            }
        }
        return parts
    }

    private static func figures(of report: ProgressReport) -> [LevelFigures.Reported] {
        report.$actuals.value.map { actuals in
            actuals.compactMap { actual in
                actual.actualValue.map {
                    LevelFigures.Reported(label: actual.label, unit: actual.unitOfMeasure, value: $0)
                }
            }
        } ?? []
    }

    /// The current consolidated reports of the tasks for the period, with their figures: neither replaced by a
    /// later version nor returned.
    private static func currentReports(of taskIDs: [UUID], period: String, on database: any Database) async throws
        -> [ProgressReport]
    {
        guard !taskIDs.isEmpty else { return [] }
        return try await ProgressReport.query(on: database).filter(\.$task.$id ~~ taskIDs)
            .filter(\.$period == period).filter(\.$kind == .report)
            .filter(\.$state !~ [.superseded, .returned]).with(\.$actuals).all()
    }

    private static func confirmedChildren(of taskID: UUID, on database: any Database) async throws -> [UUID] {
        try await TaskLink.query(on: database).filter(\.$parent.$id == taskID).filter(\.$state == .confirmed)
            .all(\.$task.$id)
    }

    private static func confirmedParent(of taskID: UUID, on database: any Database) async throws -> UUID? {
        try await TaskLink.query(on: database).filter(\.$task.$id == taskID).filter(\.$state == .confirmed).first()?
            .$parent.id
    }
}
