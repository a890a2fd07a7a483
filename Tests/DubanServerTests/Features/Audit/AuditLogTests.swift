@testable import DubanServer
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

/// The audit log: written with every change in the same transaction, append-only in the database itself,
/// readable and filterable on its page.
@Suite("Audit log")
struct AuditLogTests {
    @Test("Importing a plan and merging units are recorded with before and after", arguments: TestDatabase.available)
    func changesAreRecorded(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: SampleData imports two plans
            let sample = try await SampleData.create(on: app.db)
            let target = try await sample.unit("区科学技术和经济信息化局", on: app.db)
            let source = try await sample.unit("区统计局", on: app.db)
            // act
            _ = try await UnitMerger(database: app.db, actor: AuditActor(userID: nil, name: "张督查"))
                .merge(sourceID: source.requireID(), into: target.requireID(), governmentID: sample.governmentID)
            // assert
            let events = try await AuditEvent.query(on: app.db).sort(\.$occurredAt).all()
            #expect(events.map(\.action) == ["plan.import", "plan.import", "unit.merge"])
            let imported = try #require(events.first)
            #expect(imported.summary == "导入方案《2025年区《政府工作报告》重点工作责任分解方案》，共 8 项任务")
            #expect(imported.beforeState == nil)
            #expect(imported.afterState?.contains("\"tasks\":8") == true)
            let merge = try #require(events.last)
            #expect(merge.actorName == "张督查")
            #expect(merge.entityID == target.id)
            #expect(merge.beforeState?.contains("\"source\":\"区统计局\"") == true)
            #expect(merge.afterState?.contains("\"movedAssignments\":1") == true)
        }
    }

    @Test("An entry written in a transaction that fails is rolled back with it", arguments: TestDatabase.available)
    func rolledBackWithTheChange(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            struct Failure: Error {}
            await #expect(throws: Failure.self) {
                try await app.db.transaction { database in
                    try await AuditLog.record(
                        .userChanged, by: .system, governmentID: nil, entityType: "user",
                        entityID: nil, summary: "测试", on: database)
                    throw Failure()
                }
            }
            let remaining = try await AuditEvent.query(on: app.db).count()
            #expect(remaining == 0)
        }
    }

    @Test("Nobody can change or delete an entry, not even with SQL", arguments: TestDatabase.available)
    func appendOnly(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await AuditLog.record(
                .userCreated, by: .commandLine, governmentID: nil, entityType: "user",
                entityID: nil, summary: "新建账号 admin", on: app.db)
            let sql = try app.db.requireSQL()
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_events SET summary = '篡改'").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_events").run()
            }
            let events = try await AuditEvent.query(on: app.db).all()
            #expect(events.map(\.summary) == ["新建账号 admin"])
        }
    }

    @Test("The audit page lists entries newest first and filters by action", arguments: TestDatabase.available)
    func page(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            let source = try await sample.unit("区统计局", on: app.db)
            let target = try await sample.unit("区财政局", on: app.db)
            _ = try await UnitMerger(database: app.db)
                .merge(sourceID: source.requireID(), into: target.requireID(), governmentID: sample.governmentID)

            let all = try await app.page("/audit")
            #expect(all.status == .ok)
            #expect(all.html.contains("共 3 条记录"))
            let mergeAt = try #require(all.html.range(of: "把“区统计局”合并到“区财政局”"))
            let importAt = try #require(all.html.range(of: "导入方案《2025年市《政府工作报告》"))
            #expect(mergeAt.lowerBound < importAt.lowerBound)

            let merges = try await app.page("/audit?action=unit.merge")
            #expect(merges.html.contains("共 1 条记录"))
            #expect(!merges.html.contains("导入方案《"))

            let none = try await app.page("/audit?from=2000-01-01&to=2000-01-02")
            #expect(none.html.contains("没有符合条件的记录"))
        }
    }
}
