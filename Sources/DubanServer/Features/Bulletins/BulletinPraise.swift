import DubanCore
import Fluent
import Foundation

/// The praise (表扬) of issued bulletins, as the scores read it: by task and unit, in the period each bulletin
/// reports on.
enum BulletinPraise {
    /// The praise of the plan's issued bulletins on `period`, by task and unit.
    static func load(planID: UUID, period: ReportingPeriod, on database: any Database) async throws
        -> [RoundQuery.TaskUnitKey: [DutyRecord.Praise]]
    {
        let mentions = try await BulletinMention.query(on: database)
            .join(Bulletin.self, on: \BulletinMention.$bulletin.$id == \Bulletin.$id)
            .filter(Bulletin.self, \.$plan.$id == planID).filter(Bulletin.self, \.$state == .issued)
            .filter(Bulletin.self, \.$period == period.key).filter(\.$kind == .praise).all()
        guard !mentions.isEmpty else { return [:] }
        let bulletins = try await Bulletin.query(on: database)
            .filter(\.$id ~~ Set(mentions.map(\.$bulletin.id))).all()
        var byID: [UUID: Bulletin] = [:]
        for bulletin in bulletins { byID[try bulletin.requireID()] = bulletin }
        var result: [RoundQuery.TaskUnitKey: [DutyRecord.Praise]] = [:]
        for mention in mentions {
            guard let bulletin = byID[mention.$bulletin.id], let day = CalendarDay(bulletin.signedOn) else { continue }
            result[RoundQuery.TaskUnitKey(task: mention.$task.id, unit: mention.$unit.id), default: []].append(
                DutyRecord.Praise(bulletinID: try bulletin.requireID().uuidString, issue: bulletin.issueLabel, day: day)
            )
        }
        return result
    }
}
