@testable import DubanServer
import Foundation
import Vapor

extension APIAuthorizationMatrixTests {
    /// Exports, scores and bulletins through the API: the same answers as the pages, in JSON or as files.
    static func supervisionRows(_ world: MatrixWorld) -> [Row] {
        let plan = world.sample.mainPlanID
        let rankers: [SampleData.Account: HTTPResponseStatus] = [.clerk: .forbidden, .viewer: .forbidden]
        return [
            Row(method: .GET, path: "/plans/\(plan)/exports/breakdown.xlsx", status: .ok),
            Row(method: .GET, path: "/plans/\(plan)/exports/breakdown.csv", status: .ok),
            Row(method: .GET, path: "/plans/\(plan)/exports/progress.xlsx?period=2025-Q1", status: .ok),
            Row(method: .GET, path: "/plans/\(plan)/exports/contacts.xlsx", status: .ok, byRole: rankers),
            Row(method: .GET, path: "/plans/\(plan)/exports/targets.xlsx", status: .ok),
            Row(method: .GET, path: "/plans/\(world.foreignPlan)/exports/targets.xlsx", status: .notFound),
            Row(method: .GET, path: "/plans/\(plan)/exports/scores.xlsx", status: .ok, byRole: rankers),
            Row(method: .GET, path: "/plans/\(world.foreignPlan)/exports/breakdown.xlsx", status: .notFound),
            Row(method: .GET, path: "/plans/\(world.foreignPlan)/exports/contacts.xlsx", status: .notFound),
            Row(method: .GET, path: "/plans/\(plan)/scores?period=year", status: .ok, byRole: rankers),
            // A period that cannot be one is refused, not answered for the latest period instead.
            Row(
                method: .GET, path: "/plans/\(plan)/exports/scores.xlsx?period=%16%FF%FE%C3%85D",
                status: .badRequest),
            Row(
                method: .GET, path: "/plans/\(plan)/scores?period=2025-Q1-2025-Q2-2025-Q3-2025-Q4",
                status: .badRequest),
            Row(method: .GET, path: "/plans/\(world.foreignPlan)/scores", status: .notFound),
            Row(
                method: .GET, path: "/plans/\(plan)/scores/units/\(world.clerkUnit)", status: .ok,
                byRole: [.leader: .forbidden, .viewer: .forbidden]),
            Row(
                method: .GET, path: "/plans/\(plan)/scores/units/\(world.otherUnit)", status: .ok,
                byRole: [.clerk: .forbidden, .leader: .forbidden, .viewer: .forbidden]),
            Row(method: .GET, path: "/units/\(world.clerkUnit)/exports/workplans.xlsx", status: .ok),
            Row(
                method: .GET, path: "/units/\(world.otherUnit)/exports/workplans.xlsx", status: .ok,
                byRole: [.clerk: .forbidden]),
            Row(method: .GET, path: "/units/\(world.clerkUnit)/exports/progress.xlsx", status: .ok),
            Row(
                method: .GET, path: "/units/\(world.clerkUnit)/exports/contacts.xlsx", status: .ok,
                byRole: [.viewer: .forbidden]),
            Row(method: .GET, path: "/units/\(world.foreignUnit)/exports/contacts.xlsx", status: .notFound),
            Row(method: .GET, path: "/bulletins", status: .ok),
            Row(method: .GET, path: "/bulletins/\(world.issuedBulletin)", status: .ok),
            Row(method: .GET, path: "/bulletins/\(world.issuedBulletin)/document.docx", status: .ok),
            Row(method: .GET, path: "/bulletins/\(world.issuedBulletin)/annex.xlsx", status: .ok),
            Row(
                method: .GET, path: "/bulletins/\(world.draftBulletin)", status: .notFound, byRole: [.admin: .ok]),
            Row(method: .GET, path: "/bulletins/\(world.foreignBulletin)", status: .notFound),
            Row(method: .GET, path: "/bulletins/\(world.foreignBulletin)/document.docx", status: .notFound),
        ]
    }
}
