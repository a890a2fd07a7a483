@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every API route × every role (and no token) × own and another government's records → the status the policy
/// promises. A token never grants more than its user: the same table as the pages, answered in JSON.
@Suite("API authorization matrix")
struct APIAuthorizationMatrixTests {
    /// Who asks: no token, or a token of a sample account.
    enum Caller: Hashable, CustomStringConvertible {
        case anonymous
        case account(SampleData.Account)

        static let all: [Caller] = [.anonymous] + SampleData.Account.allCases.map(Caller.account)
        var description: String {
            switch self {
            case .anonymous: "no token"
            case .account(let account): account.rawValue
            }
        }
    }

    /// One row: a request (built afresh for each caller, so one caller's change does not spoil the next) and
    /// the status everyone with a token gets unless `byRole` says otherwise. Without a token it is always 401,
    /// except for the open document.
    struct Row: Sendable {
        var method: HTTPMethod
        var path: String
        var body: (@Sendable (Caller) async throws -> [String: String])? = nil
        var status: HTTPResponseStatus
        var byRole: [SampleData.Account: HTTPResponseStatus] = [:]
        var open = false
    }

    @Test("Each API route answers each role as the policy says", arguments: TestDatabase.available)
    func matrix(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await MatrixWorld.create(on: app.db)
            var tokens: [Caller: String] = [:]
            for account in SampleData.Account.allCases {
                tokens[.account(account)] = try await app.apiToken(for: account)
            }
            // act, assert
            for row in Self.rows(world, app: app) {
                for caller in Caller.all {
                    let auth = tokens[caller].map(APIAuth.bearer) ?? .none
                    let body = try await row.body?(caller)
                    let response = try await app.api(row.method, row.path, auth: auth, json: body)
                    let expected = Self.expected(row, caller)
                    #expect(response.status == expected, "\(row.method) \(row.path) as \(caller)")
                    if expected.code >= 400 {
                        #expect(
                            response.error?.code == APIErrorCode(status: expected).rawValue,
                            "\(row.method) \(row.path) as \(caller)")
                    }
                }
            }
        }
    }

    @Test("The matrix has a row for every API route")
    func everyRouteCovered() async throws {
        try await withTestApp(.sqlite) { app in
            let world = try await MatrixWorld.create(on: app.db)
            let covered = Set(
                Self.rows(world, app: app).map { row in
                    let path = row.path.split(separator: "?").first.map(String.init) ?? row.path
                    let parts = path.split(separator: "/").map {
                        UUID(uuidString: String($0)) == nil ? String($0) : "{id}"
                    }
                    return "\(row.method.rawValue) /api/v1/" + parts.joined(separator: "/")
                })
            // Every path parameter reads as {id} here, as the rows' UUIDs do.
            let registered = Set(
                OpenAPIDocumentTests.registeredOperations(app).map {
                    $0.replacingOccurrences(of: #"\{[A-Za-z]+\}"#, with: "{id}", options: .regularExpression)
                })
            #expect(registered.subtracting(covered).sorted() == [])
        }
    }

    private static func expected(_ row: Row, _ caller: Caller) -> HTTPResponseStatus {
        switch caller {
        case .anonymous: row.open ? row.status : .unauthorized
        case .account(let account): row.byRole[account] ?? row.status
        }
    }

    /// Only the administrator: everyone else 403.
    static let adminOnly: [SampleData.Account: HTTPResponseStatus] = [
        .clerk: .forbidden, .leader: .forbidden, .viewer: .forbidden,
    ]

    private static func rows(_ world: MatrixWorld, app: Application) -> [Row] {
        let plan = world.sample.mainPlanID
        let db = app.db
        return supervisionRows(world) + [
            Row(method: .GET, path: "/openapi.yaml", status: .ok, open: true),
            Row(method: .GET, path: "/plans", status: .ok),
            Row(method: .GET, path: "/plans/\(plan)", status: .ok),
            Row(method: .GET, path: "/plans/\(world.foreignPlan)", status: .notFound),
            Row(method: .GET, path: "/plans/\(plan)/tasks?unit=\(world.clerkUnit)", status: .ok),
            Row(method: .GET, path: "/plans/\(world.foreignPlan)/tasks", status: .notFound),
            Row(method: .GET, path: "/tasks/\(world.task)", status: .ok),
            Row(method: .GET, path: "/tasks/\(world.foreignTask)", status: .notFound),
            Row(method: .GET, path: "/units", status: .ok),
            Row(method: .GET, path: "/units/\(world.otherUnit)", status: .ok),
            Row(method: .GET, path: "/units/\(world.foreignUnit)", status: .notFound),
            Row(method: .GET, path: "/leaders", status: .ok),
            Row(method: .GET, path: "/search?q=%E5%BB%BA", status: .ok),
            Row(method: .GET, path: "/search?unit=\(world.foreignUnit)", status: .ok),
            Row(method: .GET, path: "/users", status: .ok, byRole: adminOnly),
            Row(
                method: .POST, path: "/users",
                body: { caller in
                    [
                        "username": "new-\(caller)".replacingOccurrences(of: " ", with: "-"), "displayName": "新账号",
                        "password": "password-2026", "role": "viewer",
                    ]
                }, status: .created, byRole: adminOnly),
            Row(
                method: .POST, path: "/units/\(world.otherUnit)/merge",
                body: { caller in ["sourceId": try await world.disposableUnit(named: "\(caller)", on: db)] },
                status: .ok, byRole: adminOnly),
            Row(
                method: .POST, path: "/units/\(world.foreignUnit)/merge",
                body: { caller in ["sourceId": try await world.disposableUnit(named: "\(caller)", on: db)] },
                status: .notFound, byRole: adminOnly),
            Row(method: .POST, path: "/imports", status: .badRequest, byRole: adminOnly),
            Row(method: .GET, path: "/tasks/\(world.ownTask)/reporting", status: .ok),
            Row(method: .GET, path: "/tasks/\(world.task)/reporting", status: .ok, byRole: [.clerk: .forbidden]),
            Row(method: .GET, path: "/tasks/\(world.foreignTask)/reporting", status: .notFound),
            Row(
                method: .POST, path: "/tasks/\(world.ownTask)/workplans", body: { _ in [:] }, status: .forbidden,
                byRole: [.clerk: .badRequest]),
            Row(method: .POST, path: "/tasks/\(world.task)/workplans", body: { _ in [:] }, status: .forbidden),
            Row(method: .POST, path: "/tasks/\(world.foreignTask)/workplans", body: { _ in [:] }, status: .notFound),
            Row(
                method: .POST, path: "/tasks/\(world.ownTask)/reports",
                body: { _ in ["period": "2025-Q1", "status": "on_schedule", "narrative": "按计划推进。"] },
                status: .forbidden, byRole: [.clerk: .created]),
            Row(
                method: .POST, path: "/tasks/\(world.foreignTask)/reports", body: { _ in [:] }, status: .notFound),
            Row(
                method: .POST, path: "/reports/\(UUID())/review", body: { _ in ["decision": "accept"] },
                status: .forbidden, byRole: [.admin: .notFound]),
            Row(
                method: .POST, path: "/workplans/\(UUID())/review", body: { _ in ["decision": "accept"] },
                status: .forbidden, byRole: [.admin: .notFound]),
            Row(
                method: .POST, path: "/tasks/\(world.task)/instructions", body: { _ in ["text": "请加快进度"] },
                status: .forbidden, byRole: [.leader: .created]),
            Row(
                method: .POST, path: "/tasks/\(world.foreignTask)/instructions", body: { _ in ["text": "请加快进度"] },
                status: .notFound),
            Row(method: .GET, path: "/attachments/\(UUID())", status: .notFound),
            Row(method: .GET, path: "/notifications", status: .ok),
            Row(method: .POST, path: "/notifications/read", status: .noContent),
            Row(method: .GET, path: "/tokens", status: .ok),
            Row(method: .POST, path: "/tokens", body: { _ in ["name": "矩阵"] }, status: .created),
            Row(method: .DELETE, path: "/tokens/\(UUID())", status: .notFound),
        ]
    }
}
