@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// Units and leaders through the API, and merging units, on every available database engine.
@Suite("API units and leaders")
struct APIDirectoryTests {
    @Test(
        "Units are listed by name with aliases and counts, filtered by name or alias; a unit has its details",
        arguments: TestDatabase.available)
    func units(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .viewer)
            let science = try await sample.unit("区科学技术和经济信息化局", on: app.db).requireID()
            let dongpo = try await sample.unit("东坡街道办事处", on: app.db).requireID()
            // act
            let all = try await app.api(.GET, "/units", auth: .bearer(token))
            let filtered = try await app.api(.GET, "/units?q=%E7%A7%91%E7%BB%8F", auth: .bearer(token))
            let one = try await app.api(.GET, "/units/\(science)", auth: .bearer(token))
            let street = try await app.api(.GET, "/units/\(dongpo)", auth: .bearer(token))
            // assert
            #expect(try all.schemaProblems("UnitList") == [])
            #expect(try one.schemaProblems("Unit") == [])
            let units = try all.decode(ListDTO<UnitSummaryDTO>.self).items
            #expect(units.map(\.name) == units.map(\.name).sorted())
            #expect(units.contains { $0.name == "各街道办事处" && $0.isCollective && $0.kind == "collective" })
            #expect(try filtered.decode(ListDTO<UnitSummaryDTO>.self).items.map(\.name) == ["区科学技术和经济信息化局"])
            let detail = try one.decode(UnitDTO.self)
            #expect(detail.aliases.map(\.alias) == ["区科经局"])
            #expect(detail.kind == "bureau" && detail.kindLabel == "政府部门")
            #expect(detail.taskCounts == RoleCountsDTO(overallLead: 0, lead: 2, responsible: 2, assisting: 0, total: 4))
            let member = try street.decode(UnitDTO.self)
            #expect(member.kind == "subdistrict")
            #expect(member.groups.map(\.name) == ["各街道办事处"])
        }
    }

    @Test("Leaders are listed in order with their task counts", arguments: TestDatabase.available)
    func leaders(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .clerk)
            // act
            let response = try await app.api(.GET, "/leaders", auth: .bearer(token))
            // assert
            #expect(try response.schemaProblems("LeaderList") == [])
            let leaders = try response.decode(ListDTO<LeaderDTO>.self).items
            let counts = Dictionary(uniqueKeysWithValues: leaders.map { ($0.name, $0.taskCount) })
            #expect(counts == ["王立新": 5, "刘海燕": 3, "赵国强": 1, "孙丽": 2])
        }
    }

    @Test(
        "The administrator merges units through the API, audited under their name",
        arguments: TestDatabase.available)
    func merge(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let token = try await app.apiToken(for: .admin)
            let target = try await sample.unit("区科学技术和经济信息化局", on: app.db).requireID()
            let source = try await sample.unit("区统计局", on: app.db).requireID()
            // act
            let response = try await app.api(
                .POST, "/units/\(target)/merge", auth: .bearer(token), json: ["sourceId": source.uuidString])
            // assert
            #expect(response.status == .ok)
            #expect(try response.schemaProblems("UnitMergeResult") == [])
            let result = try response.decode(UnitMergeDTO.self)
            #expect(result.movedAssignments == 1 && result.droppedDuplicates == 0 && result.addedAliases == 1)
            #expect(result.movedFilings == 0, "区统计局 filed nothing")
            #expect(result.unit.aliases.map(\.alias) == ["区科经局", "区统计局"])
            #expect(result.unit.taskCounts.assisting == 1)
            #expect(try await DubanServer.Unit.find(source, on: app.db) == nil)
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "unit.merge").first())
            #expect(audit.actorName == "测试督查室管理员（admin）")
            #expect(audit.entityID == target)
        }
    }

    @Test("Merges the API refuses change nothing", arguments: TestDatabase.available)
    func refusedMerges(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let foreign = try await ForeignGovernment.create(on: app.db)
            let admin = try await app.apiToken(for: .admin)
            let clerk = try await app.apiToken(for: .clerk)
            let target = try await sample.unit("区财政局", on: app.db).requireID()
            let source = try await sample.unit("区统计局", on: app.db).requireID()
            let unitCount = try await DubanServer.Unit.query(on: app.db).count()
            let cases: [(String, String, String?, HTTPResponseStatus, String)] = [
                (clerk, "/units/\(target)/merge", source.uuidString, .forbidden, "forbidden"),
                (admin, "/units/\(foreign.unit)/merge", source.uuidString, .notFound, "not_found"),
                (admin, "/units/\(target)/merge", foreign.unit.uuidString, .notFound, "not_found"),
                (admin, "/units/\(target)/merge", target.uuidString, .conflict, "conflict"),
                (admin, "/units/\(target)/merge", "区统计局", .badRequest, "invalid_request"),
                (admin, "/units/\(target)/merge", nil, .badRequest, "invalid_request"),
            ]
            // act, assert
            for (token, path, sourceID, status, code) in cases {
                let body: [String: String]? = sourceID.map { ["sourceId": $0] }
                let response = try await app.api(.POST, path, auth: .bearer(token), json: body)
                #expect(response.status == status, "\(path) \(sourceID ?? "-")")
                #expect(response.error?.code == code, "\(path) \(sourceID ?? "-")")
            }
            #expect(try await DubanServer.Unit.query(on: app.db).count() == unitCount)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "unit.merge").count() == 0)
        }
    }
}
