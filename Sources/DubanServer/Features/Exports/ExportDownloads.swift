import DubanCore
import DubanFormats
import Fluent
import Vapor

/// Every table the 督查室 hands upward, built for the signed-in user and answered the same from a page's link
/// and from the API: the plan's 分解表, the 附表 forms of a unit or of a whole plan. Another government's plan or
/// unit is not there (404); the policy decides the rest.
enum ExportDownloads {
    /// A plan's 分解表 as a workbook or CSV, for every role that reads the plan.
    static func breakdown(_ req: Request, planID: UUID, csv: Bool) async throws -> Response {
        guard
            let breakdown = try await PlanBreakdown.make(
                planID: planID, governmentID: try req.currentUser().governmentID, today: req.clock.today(), on: req.db)
        else { throw PageError.planNotFound }
        if csv {
            return FileDownload.response(
                CsvWriter.data(rows: breakdown.rows), contentType: FileDownload.csv,
                fileName: breakdown.fileName + ".csv", asciiName: "breakdown.csv")
        }
        let data = try XlsxWriter.data(sheets: [
            .init(
                name: "分解表", rows: breakdown.rows, widths: PlanBreakdown.widths, title: breakdown.title,
                freezesHeader: true)
        ])
        return FileDownload.response(
            data, contentType: FileDownload.xlsx, fileName: breakdown.fileName + ".xlsx", asciiName: "breakdown.xlsx")
    }

    /// 附表3 of every reporting unit of the plan for `?period=` (by default the latest period due), and for a plan
    /// handed down from above a second sheet of what goes up.
    static func planProgress(_ req: Request, planID: UUID) async throws -> Response {
        let plan = try await Self.plan(req, planID)
        let form = try await ProgressForm.plan(plan, period: try await period(req, plan: plan), on: req.db)
        return FileDownload.response(
            try XlsxWriter.data(sheets: [form.sheet] + (form.upward.map { [$0] } ?? [])),
            contentType: FileDownload.xlsx, fileName: form.fileName + ".xlsx", asciiName: "progress.xlsx")
    }

    /// 附表2 of every unit of the plan: names and phones, for the 督查室 and leaders.
    static func planContacts(_ req: Request, planID: UUID) async throws -> Response {
        let plan = try await Self.plan(req, planID)
        try req.authorize(.viewContacts, on: Ownership(governmentID: plan.$government.id))
        let roster = try await ContactRoster.plan(plan, on: req.db)
        return try workbook(roster.sheet, fileName: roster.fileName, ascii: "contacts.xlsx")
    }

    /// 附表1 of a unit: its clerk's, and the 督查室's, leaders' and viewers' for any unit.
    static func unitWorkPlans(_ req: Request, unitID: UUID) async throws -> Response {
        let unit = try await Self.unit(req, unitID, for: .readReports)
        guard
            let table = try await UnitWorkPlans.make(unitID: unitID, governmentID: unit.$government.id, on: req.db)
        else { throw PageError.unitNotFound }
        let sheet = XlsxWriter.Sheet(
            name: table.label, rows: table.rows, widths: UnitWorkPlans.widths, title: table.title,
            merges: table.merges, freezesHeader: true, caption: table.label, notes: [table.signatureLine])
        return try workbook(sheet, fileName: table.fileName, ascii: "workplans.xlsx")
    }

    /// 附表3 of a unit for `?plan=` (by default the newest plan it reports on) and `?period=`.
    static func unitProgress(_ req: Request, unitID: UUID) async throws -> Response {
        let unit = try await Self.unit(req, unitID, for: .readReports)
        let planID = try? req.query.get(UUID.self, at: "plan")
        let plan: Plan
        if let planID {
            plan = try await Self.plan(req, planID)
        } else {
            guard let newest = try await reportingPlans(of: unitID, on: req.db).first else {
                throw PageError.planNotFound
            }
            plan = newest
        }
        let form = try await ProgressForm.unit(unit, plan: plan, period: try await period(req, plan: plan), on: req.db)
        return try workbook(form.sheet, fileName: form.fileName, ascii: "progress.xlsx")
    }

    /// 附表2 of a unit, for those who may see its contacts.
    static func unitContacts(_ req: Request, unitID: UUID) async throws -> Response {
        let unit = try await Self.unit(req, unitID, for: .viewContacts)
        let plans = try await reportingPlans(of: unitID, on: req.db)
        let label =
            if let plan = plans.first {
                try await AnnexLabels.of(planID: try plan.requireID(), on: req.db).contacts
            } else {
                AnnexNumbering.standard.contacts
            }
        let roster = try await ContactRoster.unit(unit, label: label, on: req.db)
        return try workbook(roster.sheet, fileName: roster.fileName, ascii: "contacts.xlsx")
    }

    /// The plans in force in which the unit holds a task, newest first.
    static func reportingPlans(of unitID: UUID, on database: any Database) async throws -> [Plan] {
        let planIDs = try await TaskAssignment.query(on: database).filter(\.$unit.$id == unitID)
            .join(TaskRecord.self, on: \TaskAssignment.$task.$id == \TaskRecord.$id)
            .all(TaskRecord.self, \.$plan.$id)
        guard !planIDs.isEmpty else { return [] }
        return try await Plan.query(on: database).filter(\.$id ~~ Set(planIDs)).filter(\.$withdrawnAt == nil)
            .sort(\.$year, .descending).sort(\.$title).all()
    }

    /// The period `?period=` names among the plan's, by default the latest one due.
    static func period(_ req: Request, plan: Plan) async throws -> ReportingPeriod {
        let reporting = try await PlanReporting.load(plan, on: req.db)
        let key = try? req.query.get(String.self, at: "period")
        switch Scores.span(key == Scores.yearKey ? nil : key, reporting: reporting, today: req.clock.today()) {
        case .period(let period): return period
        case .year: return ReportingPeriod.containing(req.clock.today(), cycle: reporting.rules.cycle)
        }
    }

    private static func plan(_ req: Request, _ planID: UUID) async throws -> Plan {
        guard
            let plan = try await Plan.query(on: req.db).filter(\.$id == planID)
                .filter(\.$government.$id == (try req.currentUser().governmentID)).filter(\.$withdrawnAt == nil)
                .first()
        else { throw PageError.planNotFound }
        return plan
    }

    /// The unit of the government, once the policy allows `action` on it.
    private static func unit(_ req: Request, _ unitID: UUID, for action: PolicyAction) async throws -> Unit {
        let governmentID = try req.currentUser().governmentID
        guard let unit = try await Unit.find(unitID, on: req.db), unit.$government.id == governmentID else {
            throw PageError.unitNotFound
        }
        try req.authorize(
            action, on: Ownership(governmentID: governmentID, unitIDs: [unitID]), hidden: PageError.unitNotFound)
        return unit
    }

    private static func workbook(_ sheet: XlsxWriter.Sheet, fileName: String, ascii: String) throws -> Response {
        FileDownload.response(
            try XlsxWriter.data(sheets: [sheet]), contentType: FileDownload.xlsx, fileName: fileName + ".xlsx",
            asciiName: ascii)
    }
}
