import DubanCore
import Foundation
import Vapor

/// A plan's scores for a period or the year, as the API gives them: published (frozen) when there is a
/// publication, otherwise as of today.
struct ScoresDTO: Content {
    var planId: UUID
    /// "2026-Q1", or "year".
    var period: String
    var label: String
    var published: Bool
    @NullCoded var version: Int?
    @NullCoded var publishedAt: Date?
    var units: [UnitScoreDTO]
}

/// One unit's score with every line.
struct UnitScoreDTO: Content {
    var unitId: String
    var unitName: String
    @NullCoded var rank: Int?
    var included: Bool
    @NullCoded var total: Double?
    var deductions: Double
    var additions: Double
    var summary: String
    var lines: [ScoreLineDTO]

    init(_ ranked: RankedScore) {
        let score = ranked.score
        unitId = score.unitID.lowercased()
        unitName = score.unitName
        rank = ranked.rank
        included = score.included
        total = score.total
        deductions = score.deductions
        additions = score.additions
        summary = score.summary
        lines = score.lines.map(ScoreLineDTO.init)
    }
}

/// One explained point.
struct ScoreLineDTO: Content {
    /// The rule's key ("report_late"); null for the base, floor and cap lines.
    @NullCoded var rule: String?
    var label: String
    var points: Double
    @NullCoded var taskId: String?
    @NullCoded var taskNumber: String?
    /// "overall_lead", "lead", "responsible", "assisting".
    @NullCoded var role: String?
    /// "2026-04-25".
    @NullCoded var day: String?
    var sentence: String

    init(_ line: ScoreLine) {
        rule = line.kind.rule?.rawValue
        label = line.label
        points = line.points
        taskId = line.taskID?.lowercased()
        taskNumber = line.taskNumber
        role = line.role?.rawValue
        day = line.day?.description
        sentence = line.sentence
    }
}
