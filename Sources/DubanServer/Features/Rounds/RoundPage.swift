import DubanCore
import Fluent
import Vapor

/// A round's page: what it covers, who carries it out, the findings with their 整改 state, and for the 督查室
/// while the round is open the form that raises a finding.
struct RoundPage: Encodable {
    var page: PageChrome
    var notice: String
    var error: String
    var title: String
    var kindLabel: String
    var dates: String
    var inspectors: String
    var planTitle: String
    var planHref: String
    var scope: String
    var isOpen: Bool
    var tally: RoundQuery.Tally
    var findings: [FindingLine]
    /// Nil when the user may not raise findings here (not the 督查室, or the round is over).
    var raise: RaiseForm?
    /// Empty when the user may not close the round.
    var closeAction: String
    var csrf: String

    /// The raise form with its choices, and what was typed when it was refused.
    struct RaiseForm: Encodable {
        var action: String
        var tasks: [TaskChoice]
        var units: [SelectOption]
        var problem = ""
        var requirement = ""
        var dueOn: String
    }

    /// A task the round covers, with the units a finding on it may name (for the page's script).
    struct TaskChoice: Encodable {
        var value: String
        var label: String
        /// The ids of its units, separated by spaces.
        var units: String
        var selected: Bool
    }

    /// Shows a refused form again as typed.
    mutating func keep(_ form: FindingForm) {
        guard var raise else { return }
        let task = (form.task ?? "").lowercased()
        let unit = (form.unit ?? "").lowercased()
        raise.tasks = raise.tasks.map {
            var choice = $0; choice.selected = choice.value == task; return choice
        }
        raise.units = raise.units.map {
            var option = $0; option.selected = option.value == unit; return option
        }
        raise.problem = form.problem ?? ""
        raise.requirement = form.requirement ?? ""
        raise.dueOn = form.dueOn ?? raise.dueOn
        self.raise = raise
    }
}

extension RoundPages {
    /// Builds the round page for the signed-in user.
    static func round(_ round: SupervisionRound, req: Request, notice: String, error: String) async throws
        -> RoundPage
    {
        let today = req.clock.today()
        let roundID = try round.requireID()
        let findings = try await RoundQuery.findings(roundID: roundID, on: req.db)
        let unitNames = try await names(of: round.scopedUnitIDs, on: req.db)
        let mayChange = req.allows(.superviseReporting)
        var raise: RoundPage.RaiseForm?
        if mayChange, round.closedAt == nil {
            let duties = try await RoundScope.duties(of: round, on: req.db)
            var seen = Set<UUID>()
            let units = duties.flatMap { RoundScope.units(of: $0, in: round) }.filter { seen.insert($0.id).inserted }
                .sorted { $0.name < $1.name }
            raise = RoundPage.RaiseForm(
                action: SiteURL.roundFindings(roundID).path,
                tasks: duties.map { duty in
                    RoundPage.TaskChoice(
                        value: duty.taskID.uuidString.lowercased(),
                        label: "\(duty.number) \(DisplayText.excerpt(duty.text))",
                        units: RoundScope.units(of: duty, in: round).map { $0.id.uuidString.lowercased() }
                            .joined(separator: " "), selected: false)
                },
                units: units.map { SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name) },
                dueOn: today.adding(days: 15).description)
        }
        let tally = try await RoundQuery.tallies(governmentID: round.$government.id, today: today, on: req.db)
        return RoundPage(
            page: try PageChrome(
                for: req, title: round.title, section: .rounds,
                breadcrumbs: [.init(label: "督查", href: SiteURL.rounds.path), .init(label: round.title, href: "")]),
            notice: notice, error: error, title: round.title, kindLabel: round.kind.label,
            dates: dates(round.startsOn, round.endsOn), inspectors: round.inspectors, planTitle: round.plan.title,
            planHref: SiteURL.plan(round.$plan.id).path, scope: scope(of: round, unitNames: unitNames),
            isOpen: round.closedAt == nil, tally: tally[roundID] ?? .init(),
            findings: try findings.map { try FindingLine($0, today: today) }, raise: raise,
            closeAction: mayChange && round.closedAt == nil ? SiteURL.roundClose(roundID).path : "",
            csrf: req.csrfToken)
    }
}
