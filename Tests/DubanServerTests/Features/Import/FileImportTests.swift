@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// `duban import` and `duban government`, run in-process against an SQLite file.
@Suite("duban import")
struct FileImportTests {
    /// A fresh database file with 青溪区 and a few units (one with its abbreviation registered).
    private func prepared() async throws -> AppConfig {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duban-import-\(UUID()).sqlite").path
        let config = AppConfig(storage: .sqliteFile(path: path), logLevel: .warning)
        _ = try await GovernmentAdmin.add(name: "青溪区人民政府", shortName: "青溪区", level: "区", config: config)
        try await AppRunner.withApplication(config: config) { app in
            let government = try await GovernmentAdmin.find("青溪区", on: app.db)
            let id = try government.requireID()
            let units = ["区民政局", "区卫生健康局", "区交通运输局", "各街道办事处"].map {
                Unit(
                    id: UUID(), governmentID: id, name: $0, kind: UnitKind.infer(from: $0),
                    isCollective: UnitNames.isCollective($0))
            }
            try await units.create(on: app.db)
            try await UnitAlias(unitID: try units[1].requireID(), alias: "区卫健局").create(on: app.db)
        }
        return config
    }

    private func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID()).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private static let plan = """
        2026年民生实事责任分解方案
        一、办好民生实事
        1.新建社区食堂4个。(牵头单位:区民政局;责任单位:各街道办事处)
        2.新建社区卫生服务站2个。(牵头单位:区卫健局)
        3.新增公共停车泊位2000个。(牵头单位:区交通局;责任单位:区城管执法局)
        """

    @Test("duban government add --parent builds the tree; an unknown parent is refused by name")
    func governmentTree() async throws {
        // setup
        let config = try await prepared()
        // act
        let line = try await GovernmentAdmin.add(
            name: "云州市人民政府", shortName: "云州市", level: "市", config: config)
        let district = try await GovernmentAdmin.add(
            name: "白沙区人民政府", shortName: "白沙区", level: "区", parent: "云州市", config: config)
        // assert
        #expect(line == "added government 云州市人民政府 (云州市)")
        #expect(district == "added government 白沙区人民政府 (白沙区) under 云州市")
        let listed = try await GovernmentAdmin.list(config: config)
        #expect(listed.contains("白沙区\t白沙区人民政府\t区\tunder 云州市\n"))
        #expect(listed.contains("云州市\t云州市人民政府\t市\n"))
        let refused = await #expect(throws: ImportCommandError.self) {
            try await GovernmentAdmin.add(
                name: "东湖区人民政府", shortName: "东湖区", level: "区", parent: "新洲区", config: config)
        }
        #expect(refused?.description.hasPrefix("no government 新洲区; known: ") == true)
        #expect(!(try await GovernmentAdmin.list(config: config)).contains("东湖区"))
    }

    @Test("Units the directory does not know are reported with suggestions, and nothing is imported")
    func unknownUnitsRefused() async throws {
        let config = try await prepared()
        let lines = LineCollector()
        let importer = FileImport(config: config, output: lines.add)
        let refusal = await #expect(throws: FileImportRefusal.self) {
            try await importer.run(.init(path: try file(Self.plan), government: "青溪区"))
        }
        #expect(
            refusal?.message == """
                2 unit(s) are not in the directory of 青溪区:
                  区交通局 — did you mean 区交通运输局?
                  区城管执法局 — no similar unit
                Nothing was imported. Add the missing units or their abbreviations to the directory, or run again with --create-units to create them as they are written.
                """)
        let plans = try await AppRunner.withApplication(config: config) { app in
            try await Plan.query(on: app.db).count()
        }
        #expect(plans == 0)
    }

    @Test("With --create-units the plan is imported, abbreviations resolve to the directory, and it is audited")
    func importsWithCreatedUnits() async throws {
        let config = try await prepared()
        let lines = LineCollector()
        try await FileImport(config: config, output: lines.add)
            .run(.init(path: try file(Self.plan), government: "青溪区人民政府", year: 2026, createUnits: true))
        #expect(
            lines.all == [
                "importing 《2026年民生实事责任分解方案》: 3 tasks, 0 warnings",
                "imported 《2026年民生实事责任分解方案》 (2026) with 3 tasks",
            ])
        try await AppRunner.withApplication(config: config) { app in
            let units = try await Unit.query(on: app.db).all().map(\.name).sorted()
            #expect(units == ["区交通局", "区交通运输局", "区卫生健康局", "区城管执法局", "区民政局", "各街道办事处"])
            let event = try await AuditEvent.query(on: app.db).first()
            #expect(event?.actorName == "命令行")
            #expect(event?.action == "plan.import")
        }
    }

    @Test(
        "Bad requests fail with one clear line",
        arguments: [
            ("东湖区", nil as Int?, "no government 东湖区; known: 青溪区"),
            ("青溪区", 3, "--document 3 is out of range: the file holds 1 plan(s)"),
        ])
    func badRequests(government: String, document: Int?, message: String) async throws {
        let config = try await prepared()
        let importer = FileImport(config: config, output: { _ in })
        let error = await #expect(throws: ImportCommandError.self) {
            try await importer.run(.init(path: try file(Self.plan), government: government, document: document))
        }
        #expect(error?.description == message)
    }

    @Test("A file that is not a plan, or not readable, is refused")
    func notAPlan() async throws {
        let config = try await prepared()
        let importer = FileImport(config: config, output: { _ in })
        let error = await #expect(throws: ImportCommandError.self) {
            try await importer.run(.init(path: try file("政府工作报告\n一、回顾\n全年增长6%。\n"), government: "青溪区"))
        }
        #expect(error?.description.hasPrefix("no task found in plan-") == true)
        await #expect(throws: FileImportRefusal.self) {
            try await importer.run(.init(path: "/nonexistent/plan.txt", government: "青溪区"))
        }
    }
}

/// Collects printed lines from concurrent code.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
