import DubanCore
import Fluent
import Foundation

/// A plan's 绩效考核: its scheme, each period's scores worked out from the records as of today, the year's as
/// the mean of its periods, and publication — a frozen, versioned snapshot of a period's ranked scores, audited
/// and announced to every unit scored.
enum Scores {
    /// The snapshot key of the year's scores.
    static let yearKey = "year"

    /// What a score page is about: one reporting period of the plan, or the whole year.
    enum Span: Sendable, Equatable {
        case period(ReportingPeriod)
        case year(Int)

        /// The key in links and snapshots: the period's key, or `yearKey`.
        var key: String {
            switch self {
            case .period(let period): period.key
            case .year: Scores.yearKey
            }
        }

        /// "2026年第一季度", "2026年度".
        var label: String {
            switch self {
            case .period(let period): period.label
            case .year(let year): "\(year)年度"
            }
        }
    }

    /// The scheme the plan scores by: the one the 督查室 saved, else the standard one.
    static func scheme(of plan: Plan) -> ScoringScheme {
        plan.scoringSchemeJSON.flatMap { try? JSONDecoder().decode(ScoringScheme.self, from: Data($0.utf8)) }
            ?? .standard
    }

    /// The scheme as stored: JSON with sorted keys.
    static func encoded(_ scheme: ScoringScheme) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(scheme), as: UTF8.self)
    }

    /// Saves the plan's scheme once it is valid; audited with the rules before and after as sentences.
    static func save(
        _ scheme: ScoringScheme, for plan: Plan, cycle: ReportingCycle, actor: AuditActor, requestID: String?,
        at now: Date, on database: any Database
    ) async throws {
        try scheme.validate()
        let before = Self.scheme(of: plan)
        let json = try encoded(scheme)
        try await database.writeTransaction { database in
            plan.scoringSchemeJSON = json
            try await plan.save(on: database)
            try await ScoreInputs.changed(planIDs: [try plan.requireID()], on: database)
            try await AuditLog.record(
                .schemeChanged, by: actor, governmentID: plan.$government.id, entityType: "plan",
                entityID: try plan.requireID(), summary: "修改方案《\(plan.title)》的考核办法",
                before: before.describe(cycle: cycle), after: scheme.describe(cycle: cycle), requestID: requestID,
                at: now, on: database)
        }
    }

    /// Every unit's score for the period as of `today`, ranked: kept from an earlier request when nothing they
    /// depend on has changed since (`ScoreCache`), worked out otherwise.
    static func current(plan: Plan, period: ReportingPeriod, today: CalendarDay, on database: any Database)
        async throws -> [RankedScore]
    {
        let planID = try plan.requireID()
        // The generation is read before any record: a change committed meanwhile moves it past this key.
        let key = try await ScoreInputs.generation(planID: planID, on: database).map {
            ScoreCache.Key(planID: planID, period: period.key, day: today.description, generation: $0)
        }
        if let key, let kept = await ScoreCache.shared.scores(key) { return kept }
        // The scheme as committed after the generation was read: the caller's plan may predate a scheme saved
        // since, whose save moved the generation past this key.
        let scheme = try await Plan.find(planID, on: database) ?? plan
        let ranked = try await workedOut(plan: scheme, period: period, today: today, on: database)
        if let key { await ScoreCache.shared.keep(ranked, for: key) }
        return ranked
    }

    /// Every unit's score for the period as of `today`, ranked, worked out from the plan's records.
    static func workedOut(plan: Plan, period: ReportingPeriod, today: CalendarDay, on database: any Database)
        async throws -> [RankedScore]
    {
        let records = try await ScoreRecords.load(
            planID: try plan.requireID(), period: period, today: today, on: database)
        let scheme = scheme(of: plan)
        return ScoreEngine.rank(
            ScoringFacts.units(records, period: period, today: today).map { ScoreEngine.score($0, scheme: scheme) })
    }

    /// The year's scores: each unit's mean over the periods already due, taking a period's published scores
    /// where it was published and today's otherwise. Returns the ranking and the labels of the periods that
    /// were not published.
    static func year(plan: Plan, periods: [ReportingPeriod], today: CalendarDay, on database: any Database)
        async throws -> (ranked: [RankedScore], unpublished: [String])
    {
        let planID = try plan.requireID()
        var all: [UnitScore] = []
        var unpublished: [String] = []
        for period in periods {
            if let snapshot = try await latest(planID: planID, key: period.key, on: database) {
                all += try snapshot.scores()
            } else {
                unpublished.append(period.shortLabel)
                all += try await current(plan: plan, period: period, today: today, on: database).map(\.score)
            }
        }
        var names: [String: String] = [:]
        var order: [String] = []
        for score in all where names[score.unitID] == nil {
            names[score.unitID] = score.unitName
            order.append(score.unitID)
        }
        let label = Span.year(plan.year).label
        let years = order.map { unitID in
            ScoreEngine.year(all, unitID: unitID, unitName: names[unitID] ?? "", periodLabel: label)
        }
        return (ScoreEngine.rank(years), unpublished)
    }

    /// The latest published snapshot of a period (or of the year).
    static func latest(planID: UUID, key: String, on database: any Database) async throws -> ScoreSnapshot? {
        try await ScoreSnapshot.query(on: database).filter(\.$plan.$id == planID).filter(\.$period == key)
            .sort(\.$version, .descending).first()
    }

    /// Every publication of the plan, newest first.
    static func history(planID: UUID, on database: any Database) async throws -> [ScoreSnapshot] {
        try await ScoreSnapshot.query(on: database).filter(\.$plan.$id == planID).sort(\.$publishedAt, .descending)
            .sort(\.$version, .descending).all()
    }

    /// Freezes the ranked scores as the next version of the span's publication; audited, and every unit scored
    /// is told its score and rank.
    static func publish(
        _ ranked: [RankedScore], span: Span, plan: Plan, by filer: ReportFiling.Filer, on database: any Database
    ) async throws -> ScoreSnapshot {
        let planID = try plan.requireID()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let scores = String(decoding: try encoder.encode(ranked.map(\.score)), as: UTF8.self)
        let scheme = try encoded(scheme(of: plan))
        return try await database.writeTransaction { database in
            // Publications of one plan take turns: a second click numbers after the first instead of colliding.
            try await RowLock.take(Plan.schema, id: planID, on: database)
            let version = (try await latest(planID: planID, key: span.key, on: database)?.version ?? 0) + 1
            let snapshot = ScoreSnapshot(
                planID: planID, period: span.key, version: version, publishedBy: filer.actor.name, scheme: scheme,
                scores: scores, at: filer.now)
            try await snapshot.create(on: database)
            let again = version > 1 ? "（第 \(version) 版）" : ""
            try await AuditLog.record(
                .scoresPublished, by: filer.actor, governmentID: plan.$government.id, entityType: "plan",
                entityID: planID, summary: "发布方案《\(plan.title)》\(span.label)考核得分\(again)",
                after: ["units": String(ranked.filter(\.score.included).count), "version": String(version)],
                requestID: filer.requestID, at: filer.now, on: database)
            let included = ranked.filter(\.score.included).count
            for entry in ranked where entry.score.included {
                guard let unitID = UUID(uuidString: entry.score.unitID), let total = entry.score.total else { continue }
                try await Notifier.post(
                    .score, governmentID: plan.$government.id, unitID: unitID,
                    title: "\(span.label)考核得分已发布\(again)：\(ScoreEngine.text(points: total))分",
                    body: "\(TaskNaming.quoted(plan.title))\(span.label)，本单位得\(ScoreEngine.text(points: total))分，"
                        + "在\(included)个单位中排第\(entry.rank ?? 0)名。每项扣分、加分的依据见得分说明。",
                    link: SiteURL.unitScore(plan: planID, unit: unitID, period: span.key).path,
                    sender: filer.actor.name, at: filer.now, on: database)
            }
            return snapshot
        }
    }

    /// The periods a plan's scores can be asked for: its reporting periods in order.
    static func periods(of reporting: PlanReporting) -> [ReportingPeriod] {
        reporting.calendar.deadlines.map(\.period).sorted {
            ($0.index, $0.coversWholeYear ? 1 : 0) < ($1.index, $1.coversWholeYear ? 1 : 0)
        }
    }

    /// The span a `?period=` names among the plan's periods; by default the latest period already due.
    static func span(_ key: String?, reporting: PlanReporting, today: CalendarDay) -> Span {
        let periods = periods(of: reporting)
        if key == yearKey { return .year(reporting.year) }
        if let key, let period = periods.first(where: { $0.key == key }) { return .period(period) }
        let due = reporting.calendar.deadlines.filter { $0.due < today }.map(\.period)
        return .period(due.last ?? periods.first ?? ReportingPeriod.containing(today, cycle: reporting.rules.cycle))
    }

    /// The periods already due on `today`, which the year averages.
    static func duePeriods(of reporting: PlanReporting, today: CalendarDay) -> [ReportingPeriod] {
        let due = Set(reporting.calendar.deadlines.filter { $0.due < today }.map(\.period))
        return periods(of: reporting).filter { due.contains($0) }
    }
}
