import DubanCore
import Fluent
import Foundation

/// The report checks' cross-level part: a report on a task linked across levels is read against the same
/// period's reports at the other level. Filing the higher task's report, its figure is set against its lower
/// governments' slices added up; filing a lower task's, the higher task's figure is set against every lower
/// government's slice, this one's included. Only confirmed links count — a suggestion may be wrong.
enum LevelFigureChecks {
    /// Checks `filed`, a current consolidated report just written in the filing's transaction, and returns its
    /// flags. As the higher level, its figures are set against the lower governments' (the lower parts worked
    /// out once for both uses): each figure equal to their sum is marked with where it came from
    /// (`ReportActual.source`), each below it flagged. As a lower level, the higher task's reports of the
    /// period are set against every lower government's.
    static func check(_ filed: ProgressReport, on database: any Database) async throws -> [ReportQuality.Flag] {
        let reportID = try filed.requireID()
        guard
            let report = try await ProgressReport.query(on: database).filter(\.$id == reportID).with(\.$actuals)
                .first()
        else { return [] }
        let taskID = report.$task.id
        var flags: [ReportQuality.Flag] = []
        let children = try await confirmedChildren(of: taskID, on: database)
        if !children.isEmpty, let whole = try await TaskRecord.find(taskID, on: database) {
            let targets = TaskTargets.of(whole.text)
            let parts = try await lowerParts(
                whole: whole, targets: targets, children: children, period: report.period, on: database)
            try await recordSources(of: report, targets: targets, parts: parts, on: database)
            for found in try contradictions(targets: targets, parts: parts, wholeReports: [report]) {
                flags.append(
                    ReportQuality.Flag(
                        kind: .contradictsOtherLevel, reportID: reportID.uuidString,
                        evidence: "本级报送" + found.contradiction.evidence))
            }
        }
        if let parentID = try await confirmedParent(of: taskID, on: database),
            let whole = try await TaskRecord.find(parentID, on: database)
        {
            let targets = TaskTargets.of(whole.text)
            let wholeReports = try await currentReports(of: [parentID], period: report.period, on: database)
            let parts =
                wholeReports.isEmpty
                ? [:]
                : try await lowerParts(
                    whole: whole, targets: targets,
                    children: try await confirmedChildren(of: parentID, on: database), period: report.period,
                    on: database)
            for found in try contradictions(targets: targets, parts: parts, wholeReports: wholeReports) {
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

    /// Each of the higher task's reports whose figure for one of its targets is below the lower parts' sum.
    private static func contradictions(
        targets: [QuantifiedTarget], parts: [QuantifiedTarget: [LevelFigures.Part]], wholeReports: [ProgressReport]
    ) throws -> [Found] {
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

    /// Marks the figures of `report` (loaded with its actuals) that equal what the lower governments reported for
    /// the period added up, with where they came from.
    private static func recordSources(
        of report: ProgressReport, targets: [QuantifiedTarget], parts: [QuantifiedTarget: [LevelFigures.Part]],
        on database: any Database
    ) async throws {
        for actual in report.actuals {
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
