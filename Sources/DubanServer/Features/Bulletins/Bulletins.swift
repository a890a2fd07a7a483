import DubanCore
import DubanFormats
import Fluent
import Foundation

/// A bulletin through its life: drafted from a plan's period or a round, edited block by block, its numbers
/// refreshed, then issued — the Word file made and kept, the units it names recorded and notified — or a
/// draft discarded. Every step is audited; an issued bulletin is never changed.
enum Bulletins {
    /// The longest title, organ and block accepted.
    static let maxTitle = 120
    static let maxBlock = 20_000

    /// What the 督查室 chooses to draft from.
    struct Source: Sendable {
        var planID: UUID?
        var period: String?
        var roundID: UUID?
    }

    /// Drafts a bulletin: the period's (or round's) facts, the composed blocks, the next 期号 of the year.
    static func draft(
        _ source: Source, governmentID: UUID, by filer: ReportFiling.Filer, on database: any Database
    ) async throws -> Bulletin {
        let (plan, period, round) = try await resolve(source, governmentID: governmentID, on: database)
        let facts = try await BulletinFactsQuery.load(
            plan: plan, period: period, round: round, today: filer.today, on: database)
        let content = BulletinComposer.draft(facts)
        let government = try await Government.find(governmentID, on: database)
        let year = filer.today.year
        let number = try await nextNumber(governmentID: governmentID, year: year, on: database)
        let subject = round?.title ?? "\(period.label)《政府工作报告》重点任务推进情况"
        let bulletin = Bulletin(
            governmentID: governmentID, planID: try plan.requireID(), roundID: try round?.requireID(),
            period: period.key, issueYear: year, issueNumber: number, title: "关于\(subject)的通报",
            organ: "\(government?.name ?? "")督查室", signedOn: filer.today.description, content: try json(content),
            numbers: try json(facts), createdByID: filer.userID, at: filer.now)
        try await database.writeTransaction { database in
            try await bulletin.create(on: database)
            try await AuditLog.record(
                .bulletinDrafted, by: filer.actor, governmentID: governmentID, entityType: "bulletin",
                entityID: try bulletin.requireID(), summary: "起草督查通报“\(bulletin.title)”（\(bulletin.issueLabel)）",
                requestID: filer.requestID, at: filer.now, on: database)
        }
        return bulletin
    }

    /// The header fields the editor changes besides the blocks.
    struct Header: Sendable {
        var title: String
        var organ: String
        var signedOn: String
        var issueNumber: String
    }

    /// Saves the edited header and blocks of a draft.
    static func save(
        _ bulletin: Bulletin, header: Header, content: BulletinContent, by filer: ReportFiling.Filer,
        on database: any Database
    ) async throws {
        guard bulletin.state == .draft else { throw BulletinError.alreadyIssued }
        let title = header.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let organ = header.organ.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw BulletinError.titleRequired }
        guard title.count <= maxTitle else { throw BulletinError.tooLong("标题", maxTitle) }
        guard !organ.isEmpty else { throw BulletinError.organRequired }
        guard organ.count <= maxTitle else { throw BulletinError.tooLong("发文机关", maxTitle) }
        guard let day = CalendarDay(header.signedOn.trimmingCharacters(in: .whitespaces)) else {
            throw BulletinError.invalidDate
        }
        guard let number = Int(header.issueNumber.trimmingCharacters(in: .whitespaces)), number > 0, number < 10_000
        else { throw BulletinError.invalidNumber }
        let blocks =
            [content.overall, content.praise, content.findings, content.requirements]
            + (content.laggards + content.praised + content.findingLines).map(\.text)
        guard blocks.allSatisfy({ $0.count <= maxBlock }) else { throw BulletinError.tooLong("每段正文", maxBlock) }
        if number != bulletin.issueNumber || day.year != bulletin.issueYear {
            try await checkNumberFree(bulletin, year: day.year, number: number, on: database)
        }
        try await database.writeTransaction { database in
            try await requireDraft(bulletin, on: database)
            bulletin.title = title
            bulletin.organ = organ
            bulletin.signedOn = day.description
            bulletin.issueYear = day.year
            bulletin.issueNumber = number
            bulletin.contentJSON = try json(content)
            bulletin.updatedAt = filer.now
            try await bulletin.update(on: database)
            try await AuditLog.record(
                .bulletinEdited, by: filer.actor, governmentID: bulletin.$government.id, entityType: "bulletin",
                entityID: try bulletin.requireID(), summary: "修改督查通报草稿“\(title)”", requestID: filer.requestID,
                at: filer.now, on: database)
        }
    }

    /// Draws the draft's numbers again from today's data, keeping what the 督查室 wrote of its own.
    static func refresh(_ bulletin: Bulletin, by filer: ReportFiling.Filer, on database: any Database) async throws {
        guard bulletin.state == .draft else { throw BulletinError.alreadyIssued }
        let plan = try await Plan.find(bulletin.$plan.id, on: database)
        guard let plan, let period = ReportingPeriod(key: bulletin.period) else { throw BulletinError.sourceMissing }
        let round = try await bulletin.$round.id.asyncFlatMap { try await SupervisionRound.find($0, on: database) }
        let facts = try await BulletinFactsQuery.load(
            plan: plan, period: period, round: round, today: filer.today, on: database)
        let content = BulletinComposer.refreshed(try bulletin.content(), with: facts)
        try await database.writeTransaction { database in
            try await requireDraft(bulletin, on: database)
            bulletin.contentJSON = try json(content)
            bulletin.numbersJSON = try json(facts)
            bulletin.updatedAt = filer.now
            try await bulletin.update(on: database)
        }
    }

    /// Issues the draft: makes and keeps the Word file, records the units named, notifies each of them, audits.
    static func issue(_ bulletin: Bulletin, by filer: ReportFiling.Filer, on database: any Database) async throws {
        guard bulletin.state == .draft else { throw BulletinError.alreadyIssued }
        try await checkNumberFree(bulletin, year: bulletin.issueYear, number: bulletin.issueNumber, on: database)
        let content = try bulletin.content()
        let document = try BulletinDocument.official(bulletin, content: content, facts: try bulletin.facts()).data()
        let bulletinID = try bulletin.requireID()
        try await database.writeTransaction { database in
            // Issues of one government take turns, so two drafts of one 期号 cannot both be issued, and a second
            // click finds the bulletin issued.
            try await RowLock.take(Government.schema, id: bulletin.$government.id, on: database)
            try await requireDraft(bulletin, on: database)
            try await checkNumberFree(bulletin, year: bulletin.issueYear, number: bulletin.issueNumber, on: database)
            let blob = AttachmentBlob(sha256: EvidenceFile.sha256(of: document), data: document)
            try await blob.create(on: database)
            bulletin.documentBlobID = try blob.requireID()
            bulletin.state = .issued
            bulletin.issuedAt = filer.now
            bulletin.issuedBy = filer.actor.name
            try await bulletin.update(on: database)
            try await ScoreInputs.changed(planIDs: [bulletin.$plan.id], on: database)
            var named: [UUID: [String]] = [:]
            let mentions: [(BulletinMention.Kind, [BulletinContent.Line])] = [
                (.laggard, content.laggards + content.findingLines + content.qualityLines), (.praise, content.praised),
            ]
            for (kind, lines) in mentions {
                for line in lines where line.kept {
                    guard let taskID = UUID(uuidString: line.taskID) else { continue }
                    for unitID in line.unitIDs.compactMap(UUID.init(uuidString:)) {
                        try await BulletinMention(bulletinID: bulletinID, kind: kind, taskID: taskID, unitID: unitID)
                            .create(on: database)
                        named[unitID, default: []].append(kind == .praise ? "表扬" : "进展滞后或问题整改")
                    }
                }
            }
            for (unitID, reasons) in named {
                let why = Array(Set(reasons)).sorted().joined(separator: "、")
                try await Notifier.post(
                    .bulletin, governmentID: bulletin.$government.id, unitID: unitID,
                    title: "督查通报（\(bulletin.issueLabel)）点名本单位：\(why)", body: bulletin.title,
                    link: SiteURL.bulletin(bulletinID).path, sender: filer.actor.name, at: filer.now, on: database)
            }
            try await AuditLog.record(
                .bulletinIssued, by: filer.actor, governmentID: bulletin.$government.id, entityType: "bulletin",
                entityID: bulletinID, summary: "印发督查通报“\(bulletin.title)”（\(bulletin.issueLabel)）",
                after: ["units": String(named.count), "sha256": EvidenceFile.sha256(of: document)],
                requestID: filer.requestID, at: filer.now, on: database)
        }
    }

    /// Discards a draft.
    static func discard(_ bulletin: Bulletin, by filer: ReportFiling.Filer, on database: any Database) async throws {
        guard bulletin.state == .draft else { throw BulletinError.alreadyIssued }
        try await database.writeTransaction { database in
            try await requireDraft(bulletin, on: database)
            try await AuditLog.record(
                .bulletinDiscarded, by: filer.actor, governmentID: bulletin.$government.id, entityType: "bulletin",
                entityID: try bulletin.requireID(), summary: "删除督查通报草稿“\(bulletin.title)”",
                requestID: filer.requestID, at: filer.now, on: database)
            try await bulletin.delete(on: database)
        }
    }

    /// The Word file: as issued, or as the draft would be issued now.
    static func document(_ bulletin: Bulletin, on database: any Database) async throws -> Data {
        if let blobID = bulletin.documentBlobID, let blob = try await AttachmentBlob.find(blobID, on: database) {
            return blob.data
        }
        return try BulletinDocument.official(bulletin, content: try bulletin.content(), facts: try bulletin.facts())
            .data()
    }

    /// The next 期号 of the government's year: one past the highest used, drafts included.
    static func nextNumber(governmentID: UUID, year: Int, on database: any Database) async throws -> Int {
        let highest = try await Bulletin.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$issueYear == year).max(\.$issueNumber)
        return (highest ?? 0) + 1
    }

    /// Refuses to change a bulletin that is no longer a draft as committed now (another request issued or
    /// discarded it since it was loaded); locks it for the caller's transaction.
    private static func requireDraft(_ bulletin: Bulletin, on database: any Database) async throws {
        let state = try await RowLock.state(of: Bulletin.schema, id: try bulletin.requireID(), on: database)
        guard state == Bulletin.State.draft.rawValue else { throw BulletinError.alreadyIssued }
    }

    /// Refuses a 期号 another issued bulletin of the year already carries.
    private static func checkNumberFree(_ bulletin: Bulletin, year: Int, number: Int, on database: any Database)
        async throws
    {
        let taken = try await Bulletin.query(on: database).filter(\.$government.$id == bulletin.$government.id)
            .filter(\.$issueYear == year).filter(\.$issueNumber == number).filter(\.$state == .issued)
            .filter(\.$id != (try bulletin.requireID())).count()
        guard taken == 0 else { throw BulletinError.numberTaken("\(year)年第\(number)期") }
    }

    /// The plan, period and round a source names, checked against the government.
    private static func resolve(_ source: Source, governmentID: UUID, on database: any Database) async throws
        -> (Plan, ReportingPeriod, SupervisionRound?)
    {
        if let roundID = source.roundID {
            guard
                let round = try await SupervisionRound.query(on: database).filter(\.$id == roundID)
                    .filter(\.$government.$id == governmentID).with(\.$plan).first()
            else { throw BulletinError.roundNotFound }
            let reporting = try await PlanReporting.load(round.plan, on: database)
            let end = CalendarDay(round.endsOn) ?? CalendarDay(date: round.createdAt, timeZone: AppClock.timeZone)
            // A round inspects the period just reported: the latest one due by its last day.
            let period =
                reporting.calendar.deadlines.filter { $0.due <= end }.last?.period
                ?? ReportingPeriod.containing(end, cycle: reporting.rules.cycle)
            return (round.plan, period, round)
        }
        guard let planID = source.planID, let key = source.period,
            let plan = try await Plan.query(on: database).filter(\.$id == planID)
                .filter(\.$government.$id == governmentID).filter(\.$withdrawnAt == nil).first()
        else { throw BulletinError.sourceMissing }
        let reporting = try await PlanReporting.load(plan, on: database)
        guard let period = Scores.periods(of: reporting).first(where: { $0.key == key }) else {
            throw BulletinError.sourceMissing
        }
        return (plan, period, nil)
    }

    /// Stable JSON for the stored blocks and numbers.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Bulletin {
    /// The blocks as last saved.
    func content() throws -> BulletinContent {
        try JSONDecoder().decode(BulletinContent.self, from: Data(contentJSON.utf8))
    }

    /// The numbers the blocks were drafted or refreshed from.
    func facts() throws -> BulletinFacts {
        try JSONDecoder().decode(BulletinFacts.self, from: Data(numbersJSON.utf8))
    }
}
