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
                method: .POST, path: SiteURL.roundClose(world.round).path, form: { _ in [:] },
                expected: adminOnly(.redirect(SiteURL.roundAfter(world.round, "closed").path))),
        ]
    }
}
