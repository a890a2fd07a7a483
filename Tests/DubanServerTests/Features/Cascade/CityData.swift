@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// Two districts under one city on one installation: 云州市 with its plan, 青溪区 (the sample government, whose
/// cascade plan quotes the city's tasks 12 and 21) and 白沙区 with a cascade plan of its own quoting 21 and 30.
/// Every plan is read by the real parser and stored by the real importer, which suggests the links.
struct CityData {
    static let cityText = """
        云州市人民政府办公室文件
        云政办〔2025〕3号
        市人民政府办公室关于印发2025年市《政府工作报告》重点工作责任分解方案的通知
        各区人民政府，市人民政府各部门：
        现将《2025年市〈政府工作报告〉重点工作责任分解方案》印发给你们，请认真贯彻执行。
        云州市人民政府办公室
        2025年2月20日
        2025年市《政府工作报告》重点工作责任分解方案
        12.社会消费品零售总额增长8%。(责任领导:陈明;牵头单位:市商务局)
        21.推进城市更新，改造老旧小区300个。(责任领导:陈明;牵头单位:市住房和城乡建设局;责任单位:各区人民政府)
        30.新增建设用地2000公顷。(责任领导:陈明;牵头单位:市自然资源和规划局)
        """

    static let baishaText = """
        白沙区人民政府办公室文件
        白政办〔2025〕4号
        区人民政府办公室关于做好2025年市《政府工作报告》涉及我区办理事项责任分解工作的通知
        各街道办事处，区人民政府各部门：
        现将涉及我区的工作任务责任细化分解表印发给你们。
        白沙区人民政府办公室
        2025年3月28日
        2025年市《政府工作报告》涉及我区办理事项责任细化分解表
        序号\t市级下达的责任事项\t本区目标任务\t完成时间\t分管区领导\t责任单位
        1\t21.推进城市更新，改造老旧小区300个。\t改造老旧小区12个。\t11月\t李强\t区住房和城乡建设局
        2\t30.新增建设用地2000公顷。\t新增建设用地1500亩。\t12月\t李强\t区自然资源和规划局
        """

    /// Sign-in names of the accounts this adds (the sample's own accounts are 青溪区's).
    static let cityAdmin = "shi-admin"
    static let cityClerk = "shi-zhujian"
    static let baishaAdmin = "baisha-admin"

    var sample: SampleData
    var cityID: UUID
    var baishaID: UUID
    var cityPlanID: UUID
    var baishaPlanID: UUID

    /// The city and its plan first, then both districts' plans, so each cascade is matched on import.
    static func create(on database: any Database) async throws -> CityData {
        let city = Government(name: "云州市人民政府", shortName: "云州市", level: "市")
        try await city.create(on: database)
        let cityID = try city.requireID()
        let importer = PlanImporter(database: database)
        let cityPlan = try await importer.importPlan(
            #require(PlanParser.parse(text: cityText).first), governmentID: cityID,
            source: .init(fileName: "云政办〔2025〕3号.txt", format: "txt", encoding: "UTF-8", text: cityText))
        let qingxiID = try await SampleData.createGovernment(on: database)
        let qingxi = try #require(try await Government.find(qingxiID, on: database))
        qingxi.$parent.id = cityID
        try await qingxi.save(on: database)
        let sample = try await SampleData.create(on: database, inGovernment: qingxiID)
        let baisha = Government(name: "白沙区人民政府", shortName: "白沙区", level: "区", parentID: cityID)
        try await baisha.create(on: database)
        let baishaID = try baisha.requireID()
        let baishaPlan = try await importer.importPlan(
            #require(PlanParser.parse(text: baishaText).first), governmentID: baishaID,
            source: .init(fileName: "白政办〔2025〕4号.txt", format: "txt", encoding: "UTF-8", text: baishaText))
        let housing = try #require(
            try await DubanServer.Unit.query(on: database).filter(\.$government.$id == cityID)
                .filter(\.$name == "市住房和城乡建设局").first())
        for user in [
            User(
                governmentID: cityID, username: cityAdmin, displayName: "市督查室", passwordHash: SampleData.passwordHash,
                role: .admin),
            User(
                governmentID: cityID, username: cityClerk, displayName: "市住建局经办人",
                passwordHash: SampleData.passwordHash, role: .clerk, unitID: try housing.requireID()),
            User(
                governmentID: baishaID, username: baishaAdmin, displayName: "白沙区督查室",
                passwordHash: SampleData.passwordHash, role: .admin),
        ] {
            try await user.create(on: database)
        }
        return CityData(
            sample: sample, cityID: cityID, baishaID: baishaID, cityPlanID: try cityPlan.requireID(),
            baishaPlanID: try baishaPlan.requireID())
    }

    /// The task of a plan whose text starts with `prefix`.
    func task(_ prefix: String, plan: UUID, on database: any Database) async throws -> TaskRecord {
        let tasks = try await TaskRecord.query(on: database).filter(\.$plan.$id == plan).all()
        return try #require(tasks.first { $0.text.hasPrefix(prefix) }, "no task starting \(prefix)")
    }

    /// The unit of a government by its full name.
    func unit(_ name: String, government: UUID, on database: any Database) async throws -> UUID {
        try #require(
            try await DubanServer.Unit.query(on: database).filter(\.$government.$id == government)
                .filter(\.$name == name).first()
        ).requireID()
    }

    /// Confirms every suggested link, as both districts' 督查室 would on their plans' parents pages.
    func confirmLinks(on database: any Database) async throws {
        for link in try await TaskLink.query(on: database).all() {
            link.state = .confirmed
            try await link.save(on: database)
        }
    }

    /// Files `unit`'s report on `task` for `period` on `day`, giving `count` for the task's first target.
    @discardableResult
    static func file(
        _ task: TaskRecord, unit: UUID, period: ReportingPeriod, count: Double?, words: String, on day: CalendarDay,
        files: [EvidenceFile] = [], database: any Database
    ) async throws -> ProgressReport {
        let actuals: [ReportFiling.Actual] =
            if let count, let target = QuantifiedTargets.extract(from: task.text).first {
                [.init(label: target.label, unitOfMeasure: target.unit, target: target.value, actual: count)]
            } else {
                []
            }
        return try await ReportFiling.submit(
            .init(
                period: period, status: .onSchedule, reason: "", narrative: words, actuals: actuals, newFiles: files,
                keptAttachmentIDs: []),
            taskID: try task.requireID(), unit: unit, on: day, database: database)
    }
}
