import Foundation

/// Who is acting, as the policy sees them: role, government and the unit or leader the account stands for.
struct Principal: Sendable, Equatable {
    var role: UserRole
    var governmentID: UUID
    var unitID: UUID?
    var leaderID: UUID?
    /// The governments below the principal's (districts of a city, streets of a district), whose plans, reports,
    /// rounds and scores a higher office reads.
    var subordinateGovernmentIDs: Set<UUID> = []
}

/// Who owns a record an action touches: its government and, for a task, the units that hold it.
struct Ownership: Sendable, Equatable {
    var governmentID: UUID
    var unitIDs: Set<UUID> = []
    /// For a task localising a higher government's task: the higher task's units, whose clerks read what the
    /// lower units report on it (最多报一次 — the fact is reported once and read upward).
    var parentUnitIDs: Set<UUID> = []
    /// For a task or plan handed down: the lower governments whose tasks localise it, which read it.
    var childGovernmentIDs: Set<UUID> = []
}

/// Everything the application lets someone do. New routes add a case here, so every rule stays in `Policy`.
enum PolicyAction: Sendable, Equatable {
    /// Reading plans, tasks, units, leaders and search.
    case read
    case mergeUnits
    /// Importing a plan document (the API's upload; the import wizard to come).
    case importPlans
    case manageUsers
    case viewAuditLog
    /// Seeing one's own account, changing one's own password, signing out everywhere.
    case manageOwnAccount
    /// Filing work plans, progress reports and contributions for a task the unit holds.
    case actOnTask
    /// Reading a task's work plans, reports and evidence: the 督查室, leaders and viewers read all of their
    /// government's; a clerk only those of tasks its unit holds.
    case readReports
    /// A unit's own affairs: its desk, its contacts, its webhook. The administrator manages every unit; a clerk
    /// only its own. Ownership names the unit in `unitIDs`.
    case manageUnit
    /// The 督查室's work: reviewing reports, urging units, reporting rules, the overdue view, webhooks.
    case superviseReporting
    /// Seeing a unit's 督办联系人 — names and phone numbers, personal data: the 督查室 and leaders, who call
    /// units about their work, see every unit's; a clerk only its own unit's; a viewer none. Ownership names
    /// the unit in `unitIDs`. The unit page, the contacts page and every "whom to call" hint ask this.
    case viewContacts
    /// Writing a 批示 on a task or a report: a leader's account (one that stands for a leader) of the
    /// government. The 督查室 relays instructions; it does not write them.
    case instruct
    /// Reading 督查 rounds and every unit's findings: the 督查室, leaders and viewers. A clerk reads only its own
    /// unit's findings, from its desk (`.readReports` on the finding's unit).
    case readRounds
    /// Reading the 绩效考核 ranking of units: the 督查室 all units, a leader the units of their portfolio. A clerk
    /// reads only its own unit's score (`.readReports` on the unit); viewers read none.
    case readScores
}

/// The policy's answer.
enum PolicyDecision: Sendable, Equatable {
    case allow
    /// Nobody is signed in: send them to the login page.
    case signIn
    /// Signed in, but this role may not do this: 403.
    case forbid
    /// The record belongs to a government the principal has no view of (a sibling district, an unrelated city):
    /// answered as if it did not exist (404), so ids cannot be probed across governments.
    case hide
}

/// Who may do what — the one place where authorization is decided. A pure function of the principal, the
/// action and the ownership of the record, so every rule is tested without HTTP; middleware and handlers ask
/// it and turn its answer into a redirect, a 403 or a 404.
enum Policy {
    /// Decides whether `principal` (nil when nobody is signed in) may perform `action` on a record owned as
    /// `resource` (nil for actions on the principal's own government as a whole).
    static func decide(_ principal: Principal?, _ action: PolicyAction, on resource: Ownership? = nil)
        -> PolicyDecision
    {
        guard let principal else { return .signIn }
        if let resource, resource.governmentID != principal.governmentID {
            return acrossLevels(principal, action, resource)
        }
        switch action {
        case .read, .manageOwnAccount:
            return .allow
        case .mergeUnits, .importPlans, .manageUsers, .viewAuditLog, .superviseReporting:
            return principal.role == .admin ? .allow : .forbid
        case .actOnTask, .manageUnit:
            return mayActOnTask(principal, resource)
        case .readReports:
            return principal.role == .clerk ? mayActOnTask(principal, resource) : .allow
        case .instruct:
            return principal.role == .leader && principal.leaderID != nil ? .allow : .forbid
        case .readRounds:
            return principal.role == .clerk ? .forbid : .allow
        case .readScores:
            return principal.role == .admin || principal.role == .leader ? .allow : .forbid
        case .viewContacts:
            switch principal.role {
            case .admin, .leader: return .allow
            case .clerk: return mayActOnTask(principal, resource)
            case .viewer: return .forbid
            }
        }
    }

    /// Is the answer `.allow`? For pages deciding which links and forms to show.
    static func allows(_ principal: Principal?, _ action: PolicyAction, on resource: Ownership? = nil) -> Bool {
        decide(principal, action, on: resource) == .allow
    }

    /// A record of another government. A higher government's 督查室, leaders and viewers read what lies below it —
    /// plans, tasks, reports, rounds, and (督查室 and leaders) scores — and act on none of it; its clerks read
    /// only the reports on tasks localising their unit's own task. A lower government reads the higher tasks and
    /// plans handed down to it. Anything else, siblings above all, is hidden.
    private static func acrossLevels(_ principal: Principal, _ action: PolicyAction, _ resource: Ownership)
        -> PolicyDecision
    {
        let reading: Bool
        switch action {
        case .read, .readReports, .readRounds, .readScores: reading = true
        default: reading = false
        }
        if principal.subordinateGovernmentIDs.contains(resource.governmentID) {
            switch principal.role {
            case .admin, .leader:
                return reading ? .allow : .forbid
            case .viewer:
                return reading && action != .readScores ? .allow : .forbid
            case .clerk:
                guard let unitID = principal.unitID, resource.parentUnitIDs.contains(unitID) else { return .hide }
                return action == .read || action == .readReports ? .allow : .forbid
            }
        }
        if resource.childGovernmentIDs.contains(principal.governmentID) {
            return action == .read ? .allow : .forbid
        }
        return .hide
    }

    /// The administrator acts on any task of the government; a clerk only on tasks their unit holds; leaders
    /// and viewers read only.
    private static func mayActOnTask(_ principal: Principal, _ resource: Ownership?) -> PolicyDecision {
        switch principal.role {
        case .admin:
            return .allow
        case .clerk:
            guard let unitID = principal.unitID, let resource, resource.unitIDs.contains(unitID) else {
                return .forbid
            }
            return .allow
        case .leader, .viewer:
            return .forbid
        }
    }
}
