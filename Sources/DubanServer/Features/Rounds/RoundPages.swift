import DubanCore
import Fluent
import Vapor

/// The rounds list, the form that starts a round, and a round's page: their contexts and how each is built.
enum RoundPages {
    /// `/rounds`: every round, newest first, and the plan picker that leads to the form.
    struct ListPage: Encodable {
        var page: PageChrome
        var today: String
        var rounds: [RoundLine]
        var tally: RoundQuery.Tally
        /// Empty when the user may not start a round.
        var newAction: String
        var plans: [SelectOption]
    }

    /// A round as the list shows it.
    struct RoundLine: Encodable {
        var title: String
        var href: String
        var kind: String
        var dates: String
        var planTitle: String
        var scope: String
        var isOpen: Bool
        var tally: RoundQuery.Tally
    }

    /// `/rounds/new`: the form, for one plan (its sections and units), or the plan picker when none is chosen.
    struct FormPage: Encodable {
        var page: PageChrome
        var error: String
        var action: String
        var pickAction: String
        var plans: [SelectOption]
        var planID: String
        var planTitle: String
        var kinds: [SelectOption]
        var title: String
        var startsOn: String
        var endsOn: String
        var inspectors: String
        var sections: [SelectOption]
        var units: [Choice]
        var csrf: String
    }

    /// A checkbox of a list.
    struct Choice: Encodable {
        var value: String
        var label: String
        var checked: Bool
    }

    /// The sentence of a day range: "2026年4月21日至4月30日".
    static func dates(_ startsOn: String, _ endsOn: String) -> String {
        guard let start = CalendarDay(startsOn), let end = CalendarDay(endsOn) else { return "\(startsOn)至\(endsOn)" }
        if start == end { return start.chinese }
        return start.chinese + "至" + (start.year == end.year ? end.chineseMonthDay : end.chinese)
    }

    /// What a round covers: "全方案" or its section, and the units it is narrowed to.
    static func scope(of round: SupervisionRound, unitNames: [UUID: String]) -> String {
        var text = round.section.map { "“\($0.title)”部分" } ?? "全方案"
        let units = round.scopedUnitIDs.compactMap { unitNames[$0] }.sorted()
        if !units.isEmpty { text += "，限" + units.joined(separator: "、") }
        return text
    }

    static func list(_ req: Request) async throws -> ListPage {
        let user = try req.currentUser()
        let today = req.clock.today()
        let rounds = try await SupervisionRound.query(on: req.db).filter(\.$government.$id == user.governmentID)
            .with(\.$plan).with(\.$section).sort(\.$startsOn, .descending).sort(\.$createdAt, .descending).all()
        let tallies = try await RoundQuery.tallies(governmentID: user.governmentID, today: today, on: req.db)
        let unitNames = try await names(of: Set(rounds.flatMap(\.scopedUnitIDs)), on: req.db)
        let lines = try rounds.map { round in
            RoundLine(
                title: round.title, href: SiteURL.round(try round.requireID()).path, kind: round.kind.label,
                dates: dates(round.startsOn, round.endsOn), planTitle: round.plan.title,
                scope: scope(of: round, unitNames: unitNames), isOpen: round.closedAt == nil,
                tally: tallies[try round.requireID()] ?? .init())
        }
        let mayStart = req.allows(.superviseReporting)
        return ListPage(
            page: try PageChrome(for: req, title: "督查", section: .rounds), today: today.chinese, rounds: lines,
            tally: try await RoundQuery.tally(governmentID: user.governmentID, today: today, on: req.db),
            newAction: mayStart ? SiteURL.roundNew(plan: nil).path : "",
            plans: mayStart ? try await planOptions(user.governmentID, chosen: nil, on: req.db) : [])
    }

    static func form(_ req: Request, planID: UUID?, typed: RoundForm?, error: String) async throws -> FormPage {
        let user = try req.currentUser()
        let today = req.clock.today()
        let plans = try await planOptions(user.governmentID, chosen: planID, on: req.db)
        let plan = try await planID.asyncFlatMap { id in
            try await Plan.query(on: req.db).filter(\.$id == id).filter(\.$government.$id == user.governmentID)
                .filter(\.$withdrawnAt == nil).first()
        }
        var sections: [SelectOption] = []
        var units: [Choice] = []
        if let plan, let id = plan.id {
            let chosenSection = typed?.section ?? ""
            sections =
                [SelectOption(value: "", label: "全方案", selected: chosenSection.isEmpty)]
                + (try await PlanSection.query(on: req.db).filter(\.$plan.$id == id).sort(\.$position).all())
                .map { section in
                    let value = section.id?.uuidString.lowercased() ?? ""
                    let indent = String(repeating: "　", count: max(0, section.level - 1))
                    return SelectOption(value: value, label: indent + section.title, selected: value == chosenSection)
                }
            let chosenUnits = Set((typed?.unit ?? []).map { $0.lowercased() })
            let duties = try await TaskDuty.load(.plan(id), on: req.db).duties
            var seen = Set<UUID>()
            units = duties.flatMap(\.units).filter { seen.insert($0.id).inserted }.sorted { $0.name < $1.name }
                .map { unit in
                    let value = unit.id.uuidString.lowercased()
                    return Choice(value: value, label: unit.name, checked: chosenUnits.contains(value))
                }
        }
        let kind = typed?.kind.flatMap(SupervisionKind.init(rawValue:)) ?? defaultKind(on: today)
        return FormPage(
            page: try PageChrome(
                for: req, title: "开展督查", section: .rounds,
                breadcrumbs: [.init(label: "督查", href: SiteURL.rounds.path), .init(label: "开展督查", href: "")]),
            error: error, action: SiteURL.rounds.path, pickAction: SiteURL.roundNew(plan: nil).path, plans: plans,
            planID: plan?.id?.uuidString.lowercased() ?? "", planTitle: plan?.title ?? "",
            kinds: SupervisionKind.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == kind)
            },
            title: typed?.title ?? defaultTitle(kind, on: today),
            startsOn: typed?.startsOn ?? today.description, endsOn: typed?.endsOn ?? today.adding(days: 9).description,
            inspectors: typed?.inspectors ?? "", sections: sections, units: units, csrf: req.csrfToken)
    }

    /// The kind of round the season calls for: the quarter's key inspection, the mid-year one in July, the
    /// year-end one in December.
    static func defaultKind(on today: CalendarDay) -> SupervisionKind {
        switch today.month {
        case 7: .midYear
        case 12: .yearEnd
        default: .quarterly
        }
    }

    /// "2026年第一季度重点督查" — of the quarter just reported; "2026年年中集中督查", "2026年年底全面督查".
    static func defaultTitle(_ kind: SupervisionKind, on today: CalendarDay) -> String {
        switch kind {
        case .quarterly:
            let quarter = ReportingPeriod.containing(today, cycle: .quarterly).previous
            return "\(quarter.label)重点督查"
        case .midYear: return "\(today.year)年年中集中督查"
        case .yearEnd: return "\(today.year)年年底全面督查"
        case .special, .unannounced: return "\(today.year)年\(kind.label)"
        }
    }

    /// The government's plans in force, as a select's options.
    static func planOptions(_ governmentID: UUID, chosen: UUID?, on database: any Database) async throws
        -> [SelectOption]
    {
        try await Plan.query(on: database).filter(\.$government.$id == governmentID).filter(\.$withdrawnAt == nil)
            .sort(\.$year, .descending).sort(\.$title).all().map { plan in
                let id = try plan.requireID()
                return SelectOption(
                    value: id.uuidString.lowercased(), label: "\(plan.year)年 \(plan.title)", selected: id == chosen)
            }
    }

    /// Unit names by id.
    static func names(of unitIDs: Set<UUID>, on database: any Database) async throws -> [UUID: String] {
        guard !unitIDs.isEmpty else { return [:] }
        var names: [UUID: String] = [:]
        for unit in try await Unit.query(on: database).filter(\.$id ~~ unitIDs).all() {
            names[try unit.requireID()] = unit.name
        }
        return names
    }
}

extension Optional {
    /// `flatMap` for an asynchronous transform.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
