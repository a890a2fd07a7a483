@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// Uploading a revised version of a published plan: the changes task by task, applied only where accepted,
/// nothing lost.
@Suite("Plan revision")
struct PlanRevisionTests {
    /// The sample plan revised: 目标(二) gets another leader, task 1 new words, task 2 dropped (so 3–6 become
    /// 2–5), task 4 (now 3) another unit, and a new task 6.
    static let revisedText =
        SampleData.mainText
        .replacingOccurrences(of: "(责任领导:刘海燕;牵头单位:区人力资源和社会保障局)", with: "(责任领导:孙丽;牵头单位:区人力资源和社会保障局)")
        .replacingOccurrences(of: "年内新增规模以上工业企业15家", with: "年内新增规模以上工业企业20家")
        .replacingOccurrences(
            of: "2.实施技术改造项目40个以上，技改投资增长12%。(责任领导:王立新;牵头单位:区科经局;责任单位:区财政局;协办单位:区统计局)\n",
            with: ""
        )
        .replacingOccurrences(of: "3.推行企业开办", with: "2.推行企业开办")
        .replacingOccurrences(
            of: "4.建立涉企政策“免申即享”清单，年内兑现资金不少于5000万元。(责任领导:刘海燕、王立新;牵头单位:区财政局;责任单位:区科经局、区发展和改革局)",
            with: "3.建立涉企政策“免申即享”清单，年内兑现资金不少于5000万元。(责任领导:刘海燕、王立新;牵头单位:区财政局;责任单位:区科经局、区发展和改革局、区审计局)"
        )
        .replacingOccurrences(of: "5.新建社区食堂", with: "4.新建社区食堂")
        .replacingOccurrences(of: "6.新增公共停车泊位", with: "5.新增公共停车泊位")
        + "\n6.新建口袋公园6个。(责任领导:孙丽;牵头单位:区城市管理执法局;完成时限:2025年9月)\n"

    @Test(
        "A revision shows each change, applies the accepted ones in place and withdraws without deleting",
        arguments: TestDatabase.available)
    func revise(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let planID = sample.mainPlanID
            let before = try await TaskRecord.query(on: app.db).filter(\.$plan.$id == planID).sort(\.$position).all()
            let idsByText = Dictionary(uniqueKeysWithValues: before.map { ($0.text, $0.id) })
            let dropped = try #require(before.first { $0.text.hasPrefix("实施技术改造项目40个以上") })
            let droppedAssignments = try await TaskAssignment.query(on: app.db).filter(
                \.$task.$id == dropped.requireID()
            ).count()
            // act: upload the revision from the plan's own link
            let plan = try await app.page(SiteURL.plan(planID).path)
            #expect(plan.html.contains(SiteURL.importRevision(planID).path))
            let form = try await app.page(SiteURL.importRevision(planID).path)
            #expect(form.html.contains("selected>2025 年 · 2025年区《政府工作报告》重点工作责任分解方案"))
            _ = try await app.wizardUpload(
                Data(Self.revisedText.utf8), fileName: "青政办〔2025〕5号（修订）.txt", revises: planID)
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            #expect(draft.revisesPlanID == planID)
            // assert: the changes
            let changes = try await ImportWizard.revisionChanges(of: draft, on: app.db)
            #expect(
                changes.map(\.kind) == [.changed, .changed, .changed, .changed, .changed, .changed, .added, .removed])
            #expect(changes.first?.fields == [.leaders])
            #expect(changes.first { $0.new?.text.hasPrefix("推进新能源电池产业园二期建设") == true }?.fields == [.text])
            #expect(changes.first { $0.new?.text.hasPrefix("建立涉企政策") == true }?.fields == [.number, .units])
            #expect(changes.last?.old?.text.hasPrefix("实施技术改造项目40个以上") == true)
            let preview = try await app.page(SiteURL.importDraft(draftID).path)
            #expect(preview.html.contains("修订《2025年区《政府工作报告》重点工作责任分解方案》"))
            #expect(preview.html.contains("新增 1 项，修改 6 项，不再列出 1 项"))
            #expect(preview.html.contains("<del>区科经局、区发展和改革局") || preview.html.contains("区审计局"))
            // act: refuse the leader change (change-0), accept the rest; 区审计局 is new
            let rows = try await ImportWizard.unitRows(
                ImportWizard.documents(of: draft).documents, governmentID: sample.governmentID, on: app.db)
            var mapping: [String: String] = [:]
            for (index, row) in rows.enumerated() where row.match.resolvedID == nil {
                mapping[ImportDraftPage.field(index)] = "new"
            }
            _ = try await app.page(SiteURL.importMapping(draftID).path, method: .POST, form: mapping)
            _ = try await app.page(SiteURL.importDraft(draftID).path)
            var accept: [String: String] = [:]
            for index in 1..<changes.count { accept["change-\(index)"] = "1" }
            let applied = try await app.page(SiteURL.importPublish(draftID).path, method: .POST, form: accept)
            // assert: the plan, revised in place
            #expect(applied.location == SiteURL.plan(planID).path)
            #expect(try await Plan.query(on: app.db).count() == 2, "no new plan")
            let after = try await TaskRecord.query(on: app.db).filter(\.$plan.$id == planID).sort(\.$position)
                .with(\.$leaderLinks) { $0.with(\.$leader) }.with(\.$assignments) { $0.with(\.$unit) }.all()
            let active = after.filter { $0.withdrawnAt == nil }
            #expect(active.count == 8 && after.count == 9)
            let first = try #require(active.first { $0.text.hasPrefix("推进新能源电池产业园二期建设") })
            #expect(first.text.contains("20家"))
            #expect(first.id == idsByText[before.first { $0.text.hasPrefix("推进新能源电池产业园二期建设") }?.text ?? ""] ?? nil)
            let target = try #require(active.first { $0.text == "城镇新增就业1.2万人。" })
            #expect(target.leaderLinks.map(\.leader.name) == ["刘海燕"], "the refused change is not applied")
            let policy = try #require(active.first { $0.text.hasPrefix("建立涉企政策") })
            #expect(policy.number == "3" && policy.assignments.contains { $0.unit.name == "区审计局" })
            #expect(policy.id == idsByText[policy.text] ?? nil)
            let added = try #require(active.first { $0.text.hasPrefix("新建口袋公园6个") })
            #expect(added.number == "6" && added.deadline == "2025年9月")
            #expect(active.map(\.number).suffix(6) == ["1", "2", "3", "4", "5", "6"])
            let withdrawn = try #require(after.first { $0.withdrawnAt != nil })
            #expect(withdrawn.id == dropped.id)
            #expect(withdrawn.assignments.count == droppedAssignments, "a withdrawn task keeps its units")
            // assert: the revision and the audit trail
            let revision = try #require(try await PlanRevision.query(on: app.db).filter(\.$plan.$id == planID).first())
            #expect(revision.number == 1 && revision.summary == "新增 1 项，修改 5 项，撤销 1 项，未采纳 1 项")
            #expect(revision.text == Self.revisedText)
            let actions = try await AuditEvent.query(on: app.db).all().map(\.action)
            #expect(actions.filter { $0 == "task.update" }.count == 5)
            #expect(
                actions.contains("task.create") && actions.contains("task.withdraw") && actions.contains("plan.revise"))
            // assert: pages show the withdrawn task as such
            let page = try await app.page(SiteURL.plan(planID).path)
            #expect(page.html.contains("已撤销"))
            let taskPage = try await app.page(SiteURL.task(try withdrawn.requireID()).path)
            #expect(taskPage.status == .ok && taskPage.html.contains("已撤销"))
        }
    }

    @Test("Revising again after a revision pairs with the revised tasks", arguments: TestDatabase.available)
    func reviseTwice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let admin = try await sample.user(.admin, on: app.db)
            for round in 1...2 {
                let decoded = try DocumentReader.read(data: Data(Self.revisedText.utf8), fileName: "修订.txt")
                let prepared = try DocumentImport.prepare(decoded, fileName: "修订.txt", document: nil)
                let draft = try await ImportWizard.createDraft(
                    prepared, year: nil, revises: sample.mainPlanID, governmentID: sample.governmentID,
                    userID: try admin.requireID(), on: app.db)
                let rows = try await ImportWizard.unitRows(
                    prepared.documents, governmentID: sample.governmentID, on: app.db)
                var choices: [String: String] = [:]
                for row in rows where row.match.resolvedID == nil { choices[row.name] = ImportDraft.newUnit }
                try await ImportWizard.saveChoices(choices, for: draft, on: app.db)
                // act
                let changes = try await ImportWizard.revisionChanges(of: draft, on: app.db)
                _ = try await ImportWizard.publish(draft, actor: .system, requestID: nil, on: app.db)
                // assert: the second round finds nothing left to change
                #expect(changes.isEmpty == (round == 2), "round \(round): \(changes.map { "\($0.id) \($0.fields)" })")
            }
            #expect(try await PlanRevision.query(on: app.db).count() == 2)
        }
    }

    @Test("A plan of another government cannot be revised", arguments: TestDatabase.available)
    func otherGovernment(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let other = Government(name: "白沙区人民政府", shortName: "白沙区", level: "区")
            try await other.create(on: app.db)
            let admin = try await sample.user(.admin, on: app.db)
            let decoded = try DocumentReader.read(data: Data(Self.revisedText.utf8), fileName: "修订.txt")
            let prepared = try DocumentImport.prepare(decoded, fileName: "修订.txt", document: nil)
            // act / assert
            await #expect(throws: ImportWizardError.planNotFound) {
                try await ImportWizard.createDraft(
                    prepared, year: nil, revises: sample.mainPlanID, governmentID: try other.requireID(),
                    userID: try admin.requireID(), on: app.db)
            }
        }
    }
}
