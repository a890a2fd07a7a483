@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// A small, realistic government for the page tests: 青溪区 with two plans of 2025, imported through the real
/// parser and importer.
///
/// The main plan (8 tasks) has a three-level section tree (一、 / (一) / ——), targets, ordinary tasks and 民生实事,
/// leaders, a deadline, a unit written once in full with its abbreviation in brackets and later by the
/// abbreviation alone, and the collective name 各街道办事处. The second plan (2 cascaded tasks) localises the city's
/// tasks in a table.
struct SampleData {
    static let mainFileName = "青政办〔2025〕5号.txt"
    static let mainText = """
        青溪区人民政府办公室文件
        青政办〔2025〕5号
        区人民政府办公室关于印发2025年区《政府工作报告》重点工作责任分解方案的通知
        各街道办事处，区人民政府各部门：
        现将《2025年区〈政府工作报告〉重点工作责任分解方案》印发给你们，请认真贯彻执行。
        青溪区人民政府办公室
        2025年2月10日
        2025年区《政府工作报告》重点工作责任分解方案
        一、主要预期目标
        (一)地区生产总值增长6%左右。(责任领导:王立新;牵头单位:区发展和改革局;责任单位:各街道办事处)
        (二)城镇新增就业1.2万人。(责任领导:刘海燕;牵头单位:区人力资源和社会保障局)
        二、重点工作
        (一)做强产业支撑
        ——壮大先进制造业(总牵头单位:区发展和改革局)
        1.推进新能源电池产业园二期建设，年内新增规模以上工业企业15家。(责任领导:王立新;牵头单位:区科学技术和经济信息化局(区科经局);责任单位:区财政局，东坡街道办事处、西湖街道办事处;完成时限:2025年12月)
        2.实施技术改造项目40个以上，技改投资增长12%。(责任领导:王立新;牵头单位:区科经局;责任单位:区财政局;协办单位:区统计局)
        (二)优化营商环境
        3.推行企业开办“一网通办”，办理时限压缩至1个工作日以内。(责任领导:刘海燕;牵头单位:区行政审批局;责任单位:区市场监督管理局、区税务局)
        4.建立涉企政策“免申即享”清单，年内兑现资金不少于5000万元。(责任领导:刘海燕、王立新;牵头单位:区财政局;责任单位:区科经局、区发展和改革局)
        三、民生实事
        5.新建社区食堂4个，为300户困难老人实施居家适老化改造。(责任领导:赵国强;牵头单位:区民政局;责任单位:东坡街道办事处、西湖街道办事处;完成时限:2025年6月)
        6.新增公共停车泊位2000个。(责任领导:孙丽;牵头单位:区交通运输局;责任单位:区城市管理执法局，各街道办事处;完成时限:2025年12月)
        """

    static let cascadeFileName = "青政办〔2025〕6号.txt"
    static let cascadeText = """
        青溪区人民政府办公室文件
        青政办〔2025〕6号
        区人民政府办公室关于做好2025年市《政府工作报告》涉及我区办理事项责任分解工作的通知
        各街道办事处，区人民政府各部门：
        现将涉及我区的工作任务责任细化分解表印发给你们。
        青溪区人民政府办公室
        2025年3月25日
        2025年市《政府工作报告》涉及我区办理事项责任细化分解表
        序号\t市级下达的责任事项\t本区目标任务\t完成时间\t分管区领导\t责任单位
        1\t12.社会消费品零售总额增长8%。\t社会消费品零售总额增长8.5%。\t12月\t王立新\t区商务局
        2\t21.推进城市更新，改造老旧小区300个。\t改造老旧小区18个，完成老旧小区加装电梯40部。\t10月\t孙丽\t区住房和城乡建设局、区科经局
        """

    /// The sample accounts, one per role; each username is the role's name.
    enum Account: String, CaseIterable, Sendable {
        /// 督查室 administrator.
        case admin
        /// The clerk of 区财政局.
        case clerk
        /// The leader 孙丽.
        case leader
        case viewer
    }

    /// The password of every sample account.
    static let password = "sample-password"
    /// Its hash, made once: bcrypt at the test cost (empty only if bcrypt itself failed, which sign-in reports).
    static let passwordHash = (try? Bcrypt.hash(password, cost: 4)) ?? ""
    /// The unit of the clerk account.
    static let clerkUnit = "区财政局"
    /// The leader of the leader account.
    static let leaderName = "孙丽"

    var governmentID: UUID
    var mainPlanID: UUID
    var cascadePlanID: UUID

    /// Creates 青溪区 with its admin and viewer accounts and no plan; returns the government's id.
    static func createGovernment(on database: any Database) async throws -> UUID {
        let government = Government(name: "青溪区人民政府", shortName: "青溪区", level: "区")
        try await government.create(on: database)
        let governmentID = try government.requireID()
        for account in [Account.admin, .viewer] {
            try await account.user(governmentID: governmentID).create(on: database)
        }
        return governmentID
    }

    /// Creates 青溪区 (or uses the one `createGovernment` made), imports both plans, and adds the accounts of
    /// every role.
    static func create(on database: any Database, inGovernment existing: UUID? = nil) async throws -> SampleData {
        var governmentID = existing ?? UUID()
        if existing == nil { governmentID = try await createGovernment(on: database) }
        let importer = PlanImporter(database: database)
        let main = try await importer.importPlan(
            #require(PlanParser.parse(text: mainText).first), governmentID: governmentID,
            source: .init(fileName: mainFileName, format: "txt", encoding: "UTF-8", text: mainText))
        let cascade = try await importer.importPlan(
            #require(PlanParser.parse(text: cascadeText).first), governmentID: governmentID,
            source: .init(fileName: cascadeFileName, format: "txt", encoding: "UTF-8", text: cascadeText))
        let sample = SampleData(
            governmentID: governmentID, mainPlanID: try main.requireID(),
            cascadePlanID: try cascade.requireID())
        let unitID = try await sample.unit(clerkUnit, on: database).requireID()
        let leaderID = try await sample.leader(leaderName, on: database).requireID()
        try await Account.clerk.user(governmentID: governmentID, unitID: unitID).create(on: database)
        try await Account.leader.user(governmentID: governmentID, leaderID: leaderID).create(on: database)
        return sample
    }

    /// The account of this role.
    func user(_ account: Account, on database: any Database) async throws -> User {
        try #require(try await User.query(on: database).filter(\.$username == account.rawValue).first())
    }

    /// The unit with this full name.
    func unit(_ name: String, on database: any Database) async throws -> DubanServer.Unit {
        try #require(try await DubanServer.Unit.query(on: database).filter(\.$name == name).first())
    }

    /// The task whose text starts with `prefix`.
    func task(_ prefix: String, on database: any Database) async throws -> TaskRecord {
        let tasks = try await TaskRecord.query(on: database).all()
        return try #require(tasks.first { $0.text.hasPrefix(prefix) })
    }

    /// The leader with this name.
    func leader(_ name: String, on database: any Database) async throws -> Leader {
        try #require(try await Leader.query(on: database).filter(\.$name == name).first())
    }

    /// The section of the main plan whose heading starts with `prefix`.
    func section(_ prefix: String, on database: any Database) async throws -> PlanSection {
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == mainPlanID).all()
        return try #require(sections.first { $0.title.hasPrefix(prefix) })
    }
}

extension SampleData.Account {
    /// The account as a new record, written straight to the database (not through `UserAccounts`, so sample
    /// data adds no audit entries).
    func user(governmentID: UUID, unitID: UUID? = nil, leaderID: UUID? = nil) -> User {
        let role: UserRole =
            switch self {
            case .admin: .admin
            case .clerk: .clerk
            case .leader: .leader
            case .viewer: .viewer
            }
        return User(
            governmentID: governmentID, username: rawValue, displayName: "测试\(role.label)",
            passwordHash: SampleData.passwordHash, role: role, unitID: unitID, leaderID: leaderID)
    }
}
