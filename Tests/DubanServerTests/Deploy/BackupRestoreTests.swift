@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// The backup procedure of `deploy/` performed as an operator would — `deploy/backup.sh` while the
/// application holds the database open, `deploy/restore.sh` into another database — and the restored one
/// opened by the application with every record there.
@Suite("Backup and restore")
struct BackupRestoreTests {
    static let deploy = RepositoryPaths.root.appendingPathComponent("deploy")

    /// Whether a command is on the PATH.
    static func installed(_ command: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(command)")
        }
    }

    /// Runs a script of `deploy/` with the environment given; returns its last line of output.
    static func run(_ script: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [deploy.appendingPathComponent(script).path] + arguments
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = nil
        env["DUBAN_SQLITE_PATH"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ScriptFailed(script: script, output: text + problem) }
        return text.split(separator: "\n").last.map(String.init) ?? ""
    }

    struct ScriptFailed: Error, CustomStringConvertible {
        var script: String
        var output: String
        var description: String { "\(script) failed: \(output)" }
    }

    /// The sample government with a report and its evidence; returns what the database holds, by table.
    static func fill(_ app: Application) async throws -> [String: Int] {
        let sample = try await SampleData.create(on: app.db)
        let task = try await sample.task("建立涉企政策", on: app.db)
        let unit = try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()
        _ = try await ReportFiling.submit(
            .init(
                period: try #require(ReportingPeriod.quarter(1, of: 2025)), status: .onSchedule, reason: "",
                narrative: "已梳理政策清单86项。", actuals: [],
                newFiles: [try EvidenceFile(fileName: "政策清单.txt", data: Data("1. 企业纾困政策\n".utf8))],
                keptAttachmentIDs: []),
            taskID: try task.requireID(), unit: unit, on: try #require(CalendarDay("2025-04-08")), database: app.db)
        return try await counts(app.db)
    }

    static func counts(_ database: any Database) async throws -> [String: Int] {
        [
            "tasks": try await TaskRecord.query(on: database).count(),
            "reports": try await ProgressReport.query(on: database).count(),
            "attachments": try await ReportAttachment.query(on: database).count(),
            "blobs": try await AttachmentBlob.query(on: database).count(),
            "users": try await User.query(on: database).count(),
            "audit": try await AuditEvent.query(on: database).count(),
        ]
    }

    @Test(
        "SQLite: the online backup of a database in use restores into one the application opens whole",
        .enabled(if: installed("sqlite3"), "needs the sqlite3 command (Debian package sqlite3)"))
    func sqlite() async throws {
        // setup
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duban-backup-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let live = folder.appendingPathComponent("duban.sqlite").path
        let restored = folder.appendingPathComponent("restored.sqlite").path
        // act: back up while the application has the file open
        let (before, backup) = try await withTestApp(storage: .sqliteFile(path: live)) { app in
            let before = try await Self.fill(app)
            let backup = try Self.run(
                "backup.sh", [folder.appendingPathComponent("backups").path], environment: ["DUBAN_SQLITE_PATH": live])
            return (before, backup)
        }
        _ = try Self.run("restore.sh", [backup], environment: ["DUBAN_SQLITE_PATH": restored])
        // assert: the restored file holds everything, and the evidence bytes
        let after = try await withTestApp(storage: .sqliteFile(path: restored)) { app in
            let blob = try #require(try await AttachmentBlob.query(on: app.db).first())
            #expect(blob.data == Data("1. 企业纾困政策\n".utf8))
            return try await Self.counts(app.db)
        }
        #expect(backup.hasSuffix(".sqlite") && before["reports"] == 1 && after == before)
        // a damaged backup is refused and the database left as it was
        let damaged = folder.appendingPathComponent("damaged.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: damaged)
        #expect(throws: ScriptFailed.self) {
            try Self.run("restore.sh", [damaged.path], environment: ["DUBAN_SQLITE_PATH": restored])
        }
        #expect(FileManager.default.fileExists(atPath: restored))
    }

    @Test(
        "PostgreSQL: pg_dump of a database in use restores into another that the application opens whole",
        .enabled(
            if: TestDatabase.postgresAdminURL != nil && installed("pg_dump") && installed("pg_restore"),
            "needs DUBAN_TEST_POSTGRES_URL and the PostgreSQL client commands"))
    func postgres() async throws {
        // setup: two fresh databases
        let admin = try #require(TestDatabase.postgresAdminURL)
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let names = ["duban_backup_\(suffix)", "duban_restore_\(suffix)"]
        await PostgresSlots.shared.acquire()
        for name in names {
            try await PostgresAdmin.run(adminURL: admin, "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duban-backup-\(UUID())")
        do {
            let live = PostgresAdmin.url(admin, database: names[0])
            let target = PostgresAdmin.url(admin, database: names[1])
            // act
            let (before, backup) = try await withTestApp(storage: .postgres(url: live)) { app in
                let before = try await Self.fill(app)
                let backup = try Self.run("backup.sh", [folder.path], environment: ["DATABASE_URL": live])
                return (before, backup)
            }
            _ = try Self.run("restore.sh", [backup], environment: ["DATABASE_URL": target])
            // assert: the application migrates nothing more and finds every record
            let after = try await withTestApp(storage: .postgres(url: target)) { app in try await Self.counts(app.db) }
            #expect(backup.hasSuffix(".pgdump") && before["reports"] == 1 && after == before)
        } catch {
            Issue.record(error)
        }
        try? FileManager.default.removeItem(at: folder)
        for name in names { try? await PostgresAdmin.run(adminURL: admin, "DROP DATABASE IF EXISTS \(name)") }
        await PostgresSlots.shared.release()
    }
}
