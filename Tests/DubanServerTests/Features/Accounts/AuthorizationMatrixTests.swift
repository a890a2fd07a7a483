@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every route × every role (and nobody signed in) × own, other and another government's records → the
/// status the policy promises, on every available database engine.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    /// Who asks: nobody, or a sample account.
    enum Visitor: Hashable, CustomStringConvertible {
        case anonymous
        case account(SampleData.Account)

        static let all: [Visitor] = [.anonymous] + SampleData.Account.allCases.map(Visitor.account)
        var description: String {
            switch self {
            case .anonymous: "anonymous"
            case .account(let account): account.rawValue
            }
        }
    }

    /// What a request must answer.
    enum Expected: Equatable {
        case ok
        /// 302 to the login page.
        case signIn
        case forbidden
        case notFound
        /// 303 to this path.
        case redirect(String)
        /// 303 to a path starting so (a record created by the request).
        case redirectStarting(String)
    }

    /// One row: a request and what each visitor gets.
    struct Row {
        var method: HTTPMethod = .GET
        var path: String
        /// Built afresh for each visitor, so a change made by one (a merge) does not spoil the next.
        var form: (@Sendable (Visitor) async throws -> [String: String])?
        var expected: [Visitor: Expected]
    }

    @Test("Each route answers each role as the policy says", arguments: TestDatabase.available)
    func matrix(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await MatrixWorld.create(on: app.db)
            var browsers: [Visitor: TestBrowser] = [:]
            for visitor in Visitor.all {
                browsers[visitor] = try await Self.browser(for: visitor, app: app)
            }
            // act, assert
            for row in Self.rows(world, app: app) {
                for visitor in Visitor.all {
                    let expected = try #require(row.expected[visitor], "\(row.path) has no expectation for \(visitor)")
                    let form = try await row.form?(visitor)
                    let page = try await #require(browsers[visitor]).request(row.path, method: row.method, form: form)
                    Self.check(page, expected, "\(row.method) \(row.path) as \(visitor)")
                }
            }
            // Nobody but the administrator changed a unit: every other visitor's merge source is still there.
            let kept = try await DubanServer.Unit.query(on: app.db).all().map(\.name)
                .filter { $0.hasPrefix("临时单位 ") && !$0.contains("admin") }
            #expect(kept.count == 3 * (Visitor.all.count - 1))
        }
    }

    @Test(
        "Each of the city's roles reads below without error and acts on nothing of the districts'",
        arguments: TestDatabase.available, [UserRole.admin, .clerk, .leader, .viewer])
    func cityAbove(database: TestDatabase, role: UserRole) async throws {
        try await withTestApp(database) { app in
            // setup: the same world, both districts under the city
            let world = try await MatrixWorld.create(on: app.db)
            let username = try #require(MatrixWorld.cityAccounts[role])
            let city = TestBrowser(app)
            _ = try await city.signIn(username)
            let cityID = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
                .$government.id
            let since = try await AuditEvent.query(on: app.db).count()
            var read = 0
            // act, assert: every route of the matrix, posted with the district administrator's forms
            for row in Self.rows(world, app: app) {
                let form = try await row.form?(.account(.admin))
                let page = try await city.request(row.path, method: row.method, form: form)
                let label = "\(row.method) \(row.path) as the city's \(role)"
                #expect(page.status.code < 500, "\(label) answered \(page.status)")
                if row.method == .GET, page.status == .ok { read += 1 }
            }
            // the office and leaders read the districts' plans, tasks, reporting and rounds, not merely their own
            if role == .admin || role == .leader { #expect(read >= 20, "the city's \(role) read \(read) pages") }
            // whatever the posts did, they did to the city's own records: every change since signing in is
            // audited under the city, none under a district; no district unit was urged
            let changes = try await AuditEvent.query(on: app.db).sort(\.$occurredAt).all().dropFirst(since)
            #expect(changes.allSatisfy { $0.$government.id == cityID }, "\(changes.map(\.summary))")
            if role == .admin { #expect(!changes.isEmpty, "the city's own accounts and webhooks were changed") }
            #expect(try await TaskUrge.query(on: app.db).count() == 0, "no district unit was urged")
        }
    }

    /// A browser for the visitor; the anonymous one has seen the login page, so its posts carry a valid CSRF
    /// token and reach the authorization check.
    private static func browser(for visitor: Visitor, app: Application) async throws -> TestBrowser {
        switch visitor {
        case .anonymous:
            let browser = TestBrowser(app)
            _ = try await browser.request(SiteURL.login.path)
            return browser
        case .account(let account):
            return try await app.browser(signedInAs: account)
        }
    }

    private static func check(_ page: RenderedPage, _ expected: Expected, _ label: String) {
        switch expected {
        case .ok:
            #expect(page.status == .ok, "\(label)")
        case .signIn:
            #expect(page.status == .found, "\(label)")
            #expect(page.location?.hasPrefix(SiteURL.login.path) == true, "\(label): \(page.location ?? "")")
        case .forbidden:
            #expect(page.status == .forbidden, "\(label)")
            #expect(page.html.contains("没有权限"), "\(label)")
        case .notFound:
            #expect(page.status == .notFound, "\(label)")
        case .redirect(let path):
            #expect(page.status == .seeOther, "\(label)")
            #expect(page.location == path, "\(label): \(page.location ?? "")")
        case .redirectStarting(let prefix):
            #expect(page.status == .seeOther, "\(label)")
            #expect(page.location?.hasPrefix(prefix) == true, "\(label): \(page.location ?? "")")
        }
    }

    /// Readable everywhere once signed in.
    static let readers: [Visitor: Expected] = [
        .anonymous: .signIn, .account(.admin): .ok, .account(.clerk): .ok, .account(.leader): .ok,
        .account(.viewer): .ok,
    ]
    /// Another government's record: hidden from every signed-in role.
    static let foreign: [Visitor: Expected] = [
        .anonymous: .signIn, .account(.admin): .notFound, .account(.clerk): .notFound,
        .account(.leader): .notFound, .account(.viewer): .notFound,
    ]

    /// The administrator gets `admin`; other roles 403; nobody signed in goes to the login page.
    static func adminOnly(_ admin: Expected) -> [Visitor: Expected] {
        [
            .anonymous: .signIn, .account(.admin): admin, .account(.clerk): .forbidden,
            .account(.leader): .forbidden, .account(.viewer): .forbidden,
        ]
    }

    private static func rows(_ world: MatrixWorld, app: Application) -> [Row] {
        readingRows(world) + adminRows(world) + changingRows(world, app: app) + contactRows(world)
            + reportingRows(world) + supervisionRows(world)
    }

    /// The reporting cycle: a clerk reads and files only its own unit's tasks; the 督查室 reads everything and
    /// reviews, urges and sets rules but files nothing itself; leaders and viewers read.
    private static func reportingRows(_ world: MatrixWorld) -> [Row] {
        let report: @Sendable (Visitor) async throws -> [String: String] = { _ in
            ["period": "2025-Q1", "status": "on_schedule", "narrative": "已完成政策清单梳理。"]
        }
        let workPlan: @Sendable (Visitor) async throws -> [String: String] = { _ in
            ["content-0": "梳理涉企政策清单", "month-0": "3", "leader-0": "副局长", "department-0": "预算科"]
        }
        let readsButClerk = readers.merging([.account(.clerk): .forbidden]) { $1 }
        let filers: (Expected) -> [Visitor: Expected] = { clerk in
            [
                .anonymous: .signIn, .account(.admin): .forbidden, .account(.clerk): clerk,
                .account(.leader): .forbidden, .account(.viewer): .forbidden,
            ]
        }
        let unitOwner: (Expected) -> [Visitor: Expected] = { clerk in
            [
                .anonymous: .signIn, .account(.admin): .ok, .account(.clerk): clerk, .account(.leader): .forbidden,
                .account(.viewer): .forbidden,
            ]
        }
        let reporting = SiteURL.taskReporting(world.ownTask).path
        return [
            Row(path: reporting, expected: readers),
            Row(path: SiteURL.taskReporting(world.task).path, expected: readsButClerk),
            Row(path: SiteURL.taskReporting(world.foreignTask).path, expected: foreign),
            Row(
                method: .POST, path: SiteURL.taskReports(world.ownTask).path, form: report,
                expected: filers(.redirect(reporting + "?done=report"))),
            Row(
                method: .POST, path: SiteURL.taskWorkPlans(world.ownTask).path, form: workPlan,
                expected: filers(.redirect(reporting + "?done=workplan"))),
            Row(method: .POST, path: SiteURL.taskReports(world.task).path, form: report, expected: filers(.forbidden)),
            Row(
                method: .POST, path: SiteURL.taskWorkPlans(world.task).path, form: workPlan,
                expected: filers(.forbidden)),
            Row(method: .POST, path: SiteURL.taskReports(world.foreignTask).path, form: report, expected: foreign),
            Row(path: SiteURL.unitDesk(world.clerkUnit).path, expected: unitOwner(.ok)),
            Row(path: SiteURL.unitDesk(world.otherUnit).path, expected: unitOwner(.forbidden)),
            Row(path: SiteURL.unitDesk(world.foreignUnit).path, expected: foreign),
            Row(path: SiteURL.notifications.path, expected: readers),
            Row(path: SiteURL.oversight.path, expected: adminOnly(.ok)),
            Row(
                method: .POST, path: SiteURL.oversightUrge.path,
                form: { _ in ["target[]": "\(world.task.uuidString):\(world.otherUnit.uuidString)"] },
                expected: adminOnly(.redirect(SiteURL.oversightWith([("light", "problems"), ("urged", "1")]).path))),
            Row(path: SiteURL.reviewQueue.path, expected: adminOnly(.ok)),
            Row(
                method: .POST, path: SiteURL.taskInstructions(world.task).path, form: { _ in ["text": "请加快进度"] },
                expected: [
                    .anonymous: .signIn, .account(.admin): .forbidden, .account(.clerk): .forbidden,
                    .account(.leader): .redirect(
                        SiteURL.taskReporting(world.task).path + "?done=instruction#instructions"),
                    .account(.viewer): .forbidden,
                ]),
            Row(
                method: .POST, path: SiteURL.taskInstructions(world.foreignTask).path,
                form: { _ in ["text": "请加快进度"] }, expected: foreign),
            Row(path: SiteURL.reviewQueueWith([("unit", world.foreignUnit.uuidString)]).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.planRules(world.sample.mainPlanID).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.planRules(world.foreignPlan).path, expected: adminOnly(.notFound)),
            Row(path: SiteURL.planWithdraw(world.sample.mainPlanID).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.planWithdraw(world.foreignPlan).path, expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.planWithdraw(world.foreignPlan).path, form: { _ in ["reason": "误导入"] },
                expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.planRestore(world.foreignPlan).path, form: { _ in [:] },
                expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.reportReview(UUID()).path, form: { _ in ["decision": "accept"] },
                expected: adminOnly(.notFound)),
            Row(path: SiteURL.attachment(UUID()).path, expected: foreign),
        ]
    }

    /// Pages every signed-in role reads, and other governments' records no role sees.
    private static func readingRows(_ world: MatrixWorld) -> [Row] {
        [
            Row(path: SiteURL.plans.path, expected: readers),
            Row(path: SiteURL.plan(world.sample.mainPlanID).path, expected: readers),
            Row(path: SiteURL.plan(world.foreignPlan).path, expected: foreign),
            Row(path: SiteURL.planExportXlsx(world.sample.mainPlanID).path, expected: readers),
            Row(path: SiteURL.planExportCsv(world.sample.mainPlanID).path, expected: readers),
            Row(path: SiteURL.planExportXlsx(world.foreignPlan).path, expected: foreign),
            Row(path: SiteURL.unitWorkPlansXlsx(world.clerkUnit).path, expected: readers),
            Row(
                path: SiteURL.unitWorkPlansXlsx(world.otherUnit).path,
                expected: readers.merging([.account(.clerk): .forbidden]) { $1 }),
            Row(path: SiteURL.unitWorkPlansXlsx(world.foreignUnit).path, expected: foreign),
            Row(path: SiteURL.task(world.task).path, expected: readers),
            Row(path: SiteURL.task(world.foreignTask).path, expected: foreign),
            Row(path: SiteURL.units.path, expected: readers),
            Row(path: SiteURL.unit(world.clerkUnit).path, expected: readers),
            Row(path: SiteURL.unit(world.otherUnit).path, expected: readers),
            Row(path: SiteURL.unit(world.foreignUnit).path, expected: foreign),
            Row(path: SiteURL.leaders.path, expected: readers),
            Row(path: SiteURL.leader(world.leader).path, expected: readers),
            Row(path: SiteURL.leader(world.foreignLeader).path, expected: foreign),
            Row(path: SiteURL.searchWith([("q", "停车")]).path, expected: readers),
            Row(path: SiteURL.account.path, expected: readers),
            Row(
                path: SiteURL.home.path,
                expected: [
                    .anonymous: .signIn, .account(.admin): .redirect(SiteURL.oversight.path),
                    .account(.clerk): .redirect(SiteURL.unitDesk(world.clerkUnit).path),
                    .account(.leader): .redirect(SiteURL.leader(world.leader).path),
                    .account(.viewer): .redirect(SiteURL.plans.path),
                ]),
            Row(
                path: SiteURL.login.path,
                expected: [
                    .anonymous: .ok, .account(.admin): .redirect("/"), .account(.clerk): .redirect("/"),
                    .account(.leader): .redirect("/"), .account(.viewer): .redirect("/"),
                ]),
            Row(
                path: "/healthz",
                expected: [
                    .anonymous: .ok, .account(.admin): .ok, .account(.clerk): .ok, .account(.leader): .ok,
                    .account(.viewer): .ok,
                ]),
        ]
    }

    /// The administrator's pages.
    private static func adminRows(_ world: MatrixWorld) -> [Row] {
        [
            Row(path: SiteURL.audit.path, expected: adminOnly(.ok)),
            Row(path: SiteURL.adminUsers.path, expected: adminOnly(.ok)),
            Row(path: SiteURL.adminWebhooks.path, expected: adminOnly(.ok)),
            Row(
                method: .POST, path: SiteURL.adminWebhooks.path,
                form: { visitor in ["name": "工作群", "url": "https://hooks.example/\(visitor)", "unit": ""] },
                expected: adminOnly(.redirect(SiteURL.adminWebhooksAfter("created").path))),
            Row(
                method: .POST, path: SiteURL.adminWebhookNetwork.path, form: { _ in [:] },
                expected: adminOnly(.redirect(SiteURL.adminWebhooksAfter("network").path))),
            Row(
                method: .POST, path: SiteURL.adminWebhookDisable(UUID()).path, form: { _ in [:] },
                expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.adminWebhookDeliveryRetry(UUID()).path, form: { _ in [:] },
                expected: adminOnly(.notFound)),
            Row(path: SiteURL.adminUser(world.spareUser).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.adminUser(world.foreignUser).path, expected: adminOnly(.notFound)),
            Row(path: SiteURL.importNew.path, expected: adminOnly(.ok)),
            Row(path: SiteURL.importDraft(world.draft).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.importDraft(world.foreignDraft).path, expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.importPublish(world.foreignDraft).path, form: { _ in [:] },
                expected: adminOnly(.notFound)),
            Row(path: SiteURL.importRevision(world.sample.mainPlanID).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.imports.path, expected: adminOnly(.ok)),
            Row(path: SiteURL.importTemplate.path, expected: adminOnly(.ok)),
            Row(path: SiteURL.importConfirm(world.draft).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.importConfirm(world.foreignDraft).path, expected: adminOnly(.notFound)),
            Row(path: SiteURL.importDraftTemplate(world.foreignDraft).path, expected: adminOnly(.notFound)),
            Row(path: SiteURL.importHandTask(world.foreignDraft, line: 1).path, expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.importDiscard(world.foreignDraft).path, form: { _ in [:] },
                expected: adminOnly(.notFound)),
            Row(path: SiteURL.importTask(world.foreignDraft, "0/一.1").path, expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.importTask(world.foreignDraft, "0/一.1").path,
                form: { _ in ["ref": "0/一.1", "number": "1", "text": "改写"] }, expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.importTaskReset(world.foreignDraft).path, form: { _ in ["ref": "0/一.1"] },
                expected: adminOnly(.notFound)),
        ]
    }

    /// A unit's 督办联系人: the administrator and the unit's own clerk read and save the form; a leader, who may
    /// see every unit's contacts but not change them, is sent to the unit page's panel; viewers and other units'
    /// clerks get 403 (the unit page hides the contacts from them too); another government's unit is not found.
    private static func contactRows(_ world: MatrixWorld) -> [Row] {
        let contacts: @Sendable (Visitor) async throws -> [String: String] = { _ in
            ["clerk-name": "张伟", "clerk-title": "科员", "clerk-mobile": "13907150321"]
        }
        let ownUnit: (Expected) -> [Visitor: Expected] = { allowed in
            [
                .anonymous: .signIn, .account(.admin): allowed, .account(.clerk): allowed,
                .account(.leader): .forbidden, .account(.viewer): .forbidden,
            ]
        }
        let readOnly: (UUID) -> [Visitor: Expected] = { unit in
            [
                .anonymous: .signIn, .account(.admin): .ok,
                .account(.clerk): unit == world.clerkUnit ? .ok : .forbidden,
                .account(.leader): .redirect(SiteURL.unitContactsPanel(unit).path), .account(.viewer): .forbidden,
            ]
        }
        return [
            Row(path: SiteURL.unitContacts(world.clerkUnit).path, expected: readOnly(world.clerkUnit)),
            Row(path: SiteURL.unitContacts(world.otherUnit).path, expected: readOnly(world.otherUnit)),
            Row(path: SiteURL.unitContacts(world.foreignUnit).path, expected: foreign),
            Row(
                method: .POST, path: SiteURL.unitContacts(world.clerkUnit).path, form: contacts,
                expected: ownUnit(.redirect(SiteURL.unitContactsSaved(world.clerkUnit).path))),
            Row(
                method: .POST, path: SiteURL.unitContacts(world.otherUnit).path, form: contacts,
                expected: adminOnly(.redirect(SiteURL.unitContactsSaved(world.otherUnit).path))),
            Row(
                method: .POST, path: SiteURL.unitContacts(world.foreignUnit).path, form: contacts, expected: foreign),
        ]
    }

    /// Forms that change data: merging the clerk's own unit, another unit, another government's unit; adding
    /// and disabling accounts.
    private static func changingRows(_ world: MatrixWorld, app: Application) -> [Row] {
        let merge: @Sendable (Visitor) async throws -> [String: String] = { visitor in
            ["source": try await world.disposableUnit(named: "\(visitor)", on: app.db), "confirm": "1"]
        }
        let newUser: @Sendable (Visitor) async throws -> [String: String] = { visitor in
            ["username": "new-\(visitor)", "displayName": "新账号", "role": "viewer", "password": "new-password-1"]
        }
        return [
            Row(
                method: .POST, path: SiteURL.unitMerge(world.clerkUnit).path, form: merge,
                expected: adminOnly(.redirect(SiteURL.unitAfterMerge(world.clerkUnit, moved: 0).path))),
            Row(
                method: .POST, path: SiteURL.unitMerge(world.otherUnit).path, form: merge,
                expected: adminOnly(.redirect(SiteURL.unitAfterMerge(world.otherUnit, moved: 0).path))),
            Row(
                method: .POST, path: SiteURL.unitMerge(world.foreignUnit).path, form: merge,
                expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.adminUsers.path, form: newUser,
                expected: adminOnly(.redirectStarting(SiteURL.adminUsers.path + "/"))),
            Row(
                method: .POST, path: SiteURL.adminUserDisable(world.spareUser).path, form: { _ in [:] },
                expected: adminOnly(.redirect(SiteURL.adminUserAfter(world.spareUser, "disabled").path))),
            Row(
                method: .POST, path: SiteURL.adminUserDisable(world.foreignUser).path, form: { _ in [:] },
                expected: adminOnly(.notFound)),
        ]
    }
}
