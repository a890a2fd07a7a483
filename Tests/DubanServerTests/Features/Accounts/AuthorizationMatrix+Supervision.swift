@testable import DubanServer
import Foundation
import Testing
import Vapor

extension AuthorizationMatrixTests {
    /// 督查: the 督查室 starts rounds, raises findings, closes and reopens them; leaders and viewers read every
    /// round and finding; a clerk reads and answers only its own unit's findings and never the rounds list;
    /// another government's round and finding are not there.
    static func supervisionRows(_ world: MatrixWorld) -> [Row] {
        let readsButClerk = readers.merging([.account(.clerk): .forbidden]) { $1 }
        let foreignButClerk = foreign.merging([.account(.clerk): .forbidden]) { $1 }
        let clerkOnly: (Expected) -> [Visitor: Expected] = { clerk in
            [
                .anonymous: .signIn, .account(.admin): .forbidden, .account(.clerk): clerk,
                .account(.leader): .forbidden, .account(.viewer): .forbidden,
            ]
        }
        let roundForm: @Sendable (Visitor) async throws -> [String: String] = { _ in
            [
                "plan": world.sample.mainPlanID.uuidString, "kind": "special", "title": "专项督查",
                "startsOn": "2025-06-01", "endsOn": "2025-06-05",
            ]
        }
        let findingForm: @Sendable (Visitor) async throws -> [String: String] = { _ in
            [
                "task": world.ownTask.uuidString, "unit": world.clerkUnit.uuidString, "problem": "台账不全",
                "requirement": "补齐台账", "dueOn": "2025-06-10",
            ]
        }
        let answer: @Sendable (Visitor) async throws -> [String: String] = { _ in ["text": "已补齐台账"] }
        let close: @Sendable (Visitor) async throws -> [String: String] = { _ in ["decision": "close"] }
        return [
            Row(path: SiteURL.rounds.path, expected: readsButClerk),
            Row(path: SiteURL.roundNew(plan: world.sample.mainPlanID).path, expected: adminOnly(.ok)),
            Row(
                method: .POST, path: SiteURL.rounds.path, form: roundForm,
                expected: adminOnly(.redirectStarting("/rounds/"))),
            Row(path: SiteURL.round(world.round).path, expected: readsButClerk),
            Row(path: SiteURL.round(world.foreignRound).path, expected: foreignButClerk),
            Row(
                method: .POST, path: SiteURL.roundFindings(world.round).path, form: findingForm,
                expected: adminOnly(.redirect(SiteURL.roundAfter(world.round, "raised").path + "#findings"))),
            Row(
                method: .POST, path: SiteURL.roundFindings(world.foreignRound).path, form: findingForm,
                expected: adminOnly(.notFound)),
            Row(path: SiteURL.finding(world.ownFinding).path, expected: readers),
            Row(path: SiteURL.finding(world.otherFinding).path, expected: readsButClerk),
            Row(path: SiteURL.finding(world.foreignFinding).path, expected: foreign),
            Row(
                method: .POST, path: SiteURL.findingResponses(world.otherFinding).path, form: answer,
                expected: clerkOnly(.forbidden)),
            Row(
                method: .POST, path: SiteURL.findingResponses(world.foreignFinding).path, form: answer,
                expected: foreign),
            Row(
                method: .POST, path: SiteURL.findingResponses(world.ownFinding).path, form: answer,
                expected: clerkOnly(.redirect(SiteURL.findingAfter(world.ownFinding, "answered").path))),
            Row(
                method: .POST, path: SiteURL.findingReview(world.ownFinding).path, form: close,
                expected: adminOnly(.redirect(SiteURL.findingAfter(world.ownFinding, "closed").path))),
            Row(
                method: .POST, path: SiteURL.findingReview(world.foreignFinding).path, form: close,
                expected: adminOnly(.notFound)),
            Row(path: SiteURL.findingAttachment(UUID()).path, expected: foreign),
            Row(
                method: .POST, path: SiteURL.flagDismiss(UUID()).path, form: { _ in ["reason": "属实"] },
                expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.roundClose(world.round).path, form: { _ in [:] },
                expected: adminOnly(.redirect(SiteURL.roundAfter(world.round, "closed").path))),
        ] + scoreRows(world) + bulletinRows(world)
    }

    /// 督查通报: every role reads issued bulletins and their files; drafts and every change are the 督查室's;
    /// another government's bulletin is not there.
    static func bulletinRows(_ world: MatrixWorld) -> [Row] {
        let draftOnly: [Visitor: Expected] = [
            .anonymous: .signIn, .account(.admin): .ok, .account(.clerk): .notFound, .account(.leader): .notFound,
            .account(.viewer): .notFound,
        ]
        let header: @Sendable (Visitor) async throws -> [String: String] = { _ in
            ["title": "关于第一季度工作推进情况的通报", "organ": "青溪区人民政府督查室", "signedOn": "2025-05-06", "issueNumber": "9"]
        }
        let plan = world.sample.mainPlanID.uuidString.lowercased()
        return [
            Row(path: SiteURL.bulletins.path, expected: readers),
            Row(path: SiteURL.bulletinNew.path, expected: adminOnly(.ok)),
            Row(
                method: .POST, path: SiteURL.bulletins.path,
                form: { _ in ["from": "period", "period": "\(plan)|2025-Q1"] },
                expected: adminOnly(.redirectStarting("/bulletins/"))),
            Row(path: SiteURL.bulletin(world.issuedBulletin).path, expected: readers),
            Row(path: SiteURL.bulletinDocument(world.issuedBulletin).path, expected: readers),
            Row(path: SiteURL.bulletinAnnex(world.issuedBulletin).path, expected: readers),
            Row(path: SiteURL.bulletin(world.draftBulletin).path, expected: draftOnly),
            Row(path: SiteURL.bulletinDocument(world.draftBulletin).path, expected: draftOnly),
            Row(path: SiteURL.bulletin(world.foreignBulletin).path, expected: foreign),
            Row(path: SiteURL.bulletinDocument(world.foreignBulletin).path, expected: foreign),
            Row(
                method: .POST, path: SiteURL.bulletin(world.draftBulletin).path, form: header,
                expected: adminOnly(.redirect(SiteURL.bulletinAfter(world.draftBulletin, "saved").path))),
            Row(
                method: .POST, path: SiteURL.bulletinRefresh(world.draftBulletin).path, form: { _ in [:] },
                expected: adminOnly(.redirect(SiteURL.bulletinAfter(world.draftBulletin, "refreshed").path))),
            Row(
                method: .POST, path: SiteURL.bulletinIssue(world.foreignBulletin).path, form: { _ in ["confirm": "1"] },
                expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.bulletinDiscard(world.foreignBulletin).path, form: { _ in [:] },
                expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.bulletinDiscard(world.draftBulletin).path, form: { _ in [:] },
                expected: adminOnly(.redirect(SiteURL.bulletinsAfterDiscard.path))),
        ]
    }

    /// 绩效考核: the 督查室 and leaders read rankings (a leader only their portfolio's units); a unit's clerk
    /// reads its own explained score only; viewers none; every reader sees the scheme, only the 督查室 changes it
    /// or publishes.
    static func scoreRows(_ world: MatrixWorld) -> [Row] {
        let plan = world.sample.mainPlanID
        let rankers: [Visitor: Expected] = [
            .anonymous: .signIn, .account(.admin): .ok, .account(.clerk): .forbidden, .account(.leader): .ok,
            .account(.viewer): .forbidden,
        ]
        let ownUnit: [Visitor: Expected] = [
            .anonymous: .signIn, .account(.admin): .ok, .account(.clerk): .ok, .account(.leader): .forbidden,
            .account(.viewer): .forbidden,
        ]
        let scheme: @Sendable (Visitor) async throws -> [String: String] = { _ in
            let form = SchemeForm(.standard)
            let fields =
                form.scores + form.weights
                + form.rules.flatMap { rule in
                    [rule.points, rule.limit] + [rule.perDays, rule.bands].compactMap { $0 }
                }
            return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })
        }
        return [
            Row(path: SiteURL.planTargets(plan).path, expected: readers),
            Row(path: SiteURL.planParents(world.sample.cascadePlanID).path, expected: adminOnly(.ok)),
            Row(path: SiteURL.planParents(world.foreignPlan).path, expected: adminOnly(.notFound)),
            Row(
                method: .POST, path: SiteURL.planParents(world.sample.cascadePlanID).path, form: { _ in [:] },
                expected: adminOnly(.redirect(SiteURL.planParents(world.sample.cascadePlanID).path + "?saved=1"))),
            Row(
                method: .POST, path: SiteURL.planPublic(world.foreignPlan).path, form: { _ in ["publish": "1"] },
                expected: adminOnly(.notFound)),
            Row(
                path: SiteURL.publicPlan("no-such-page").path,
                expected: [
                    .anonymous: .notFound, .account(.admin): .notFound, .account(.clerk): .notFound,
                    .account(.leader): .notFound, .account(.viewer): .notFound,
                ]),
            Row(path: SiteURL.planTargetsXlsx(plan).path, expected: readers),
            Row(path: SiteURL.planTargets(world.foreignPlan).path, expected: foreign),
            Row(path: SiteURL.scoresIndex.path, expected: rankers),
            Row(path: SiteURL.scores(plan: plan, period: nil).path, expected: rankers),
            Row(path: SiteURL.scores(plan: world.foreignPlan, period: nil).path, expected: foreign),
            Row(path: SiteURL.unitScore(plan: plan, unit: world.clerkUnit, period: nil).path, expected: ownUnit),
            Row(
                path: SiteURL.unitScore(plan: plan, unit: world.otherUnit, period: nil).path,
                expected: ownUnit.merging([.account(.clerk): .forbidden]) { $1 }),
            Row(path: SiteURL.unitScore(plan: plan, unit: world.foreignUnit, period: nil).path, expected: foreign),
            Row(path: SiteURL.scoresXlsx(plan: plan, period: nil).path, expected: rankers),
            Row(path: SiteURL.scoringScheme(plan).path, expected: readers),
            Row(path: SiteURL.scoringScheme(world.foreignPlan).path, expected: foreign),
            Row(
                method: .POST, path: SiteURL.scoringScheme(plan).path, form: scheme,
                expected: adminOnly(.redirect(SiteURL.scoringSchemeAfter(plan, "saved").path))),
            Row(
                method: .POST, path: SiteURL.scoresPublish(plan).path, form: { _ in ["period": "2025-Q1"] },
                expected: adminOnly(
                    .redirect(SiteURL.scoresAfter(plan: plan, period: "2025-Q1", done: "published").path))),
            Row(
                method: .POST, path: SiteURL.scoresPublish(world.foreignPlan).path,
                form: { _ in ["period": "2025-Q1"] },
                expected: adminOnly(.notFound)),
        ]
    }
}
