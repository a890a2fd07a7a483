import Fluent
import Foundation

/// Who made a change, as the audit log records it.
struct AuditActor: Sendable, Equatable {
    var userID: UUID?
    var name: String

    /// Changes made by Duban itself (demo data, migrations).
    static let system = AuditActor(userID: nil, name: "系统")
    /// Changes made from the command line on the server.
    static let commandLine = AuditActor(userID: nil, name: "命令行")
}

/// What kind of change an audit entry records.
enum AuditAction: String, Sendable, CaseIterable {
    case planImported = "plan.import"
    case unitMerged = "unit.merge"
    case unitAliasAdded = "unit.alias"
    case importDraftDiscarded = "import.discard"
    case userCreated = "user.create"
    case userChanged = "user.update"
    case tokenCreated = "token.create"
    case tokenRevoked = "token.revoke"
    case planRevised = "plan.revise"
    case planWithdrawn = "plan.withdraw"
    case planRestored = "plan.restore"
    case taskAdded = "task.create"
    case taskChanged = "task.update"
    case taskWithdrawn = "task.withdraw"
    case rulesChanged = "plan.rules"
    case workPlanSubmitted = "workplan.submit"
    case workPlanReviewed = "workplan.review"
    case reportSubmitted = "report.submit"
    case reportReviewed = "report.review"
    case unitUrged = "unit.urge"
    case contactsChanged = "unit.contacts"
    case webhookChanged = "webhook.update"
    case instructionGiven = "task.instruct"
    case roundStarted = "round.start"
    case roundClosed = "round.close"
    case findingRaised = "finding.raise"
    case findingAnswered = "finding.answer"
    case findingClosed = "finding.close"
    case findingReopened = "finding.reopen"
    case schemeChanged = "plan.scheme"
    case scoresPublished = "scores.publish"
    case bulletinDrafted = "bulletin.draft"
    case bulletinEdited = "bulletin.edit"
    case bulletinIssued = "bulletin.issue"
    case bulletinDiscarded = "bulletin.discard"
    case flagDismissed = "report.flag.dismiss"
    case publicPagePublished = "plan.public"
    case publicPageWithdrawn = "plan.unpublic"
    case parentsConfirmed = "plan.parents"

    /// The Chinese label used in the audit page's filter.
    var label: String {
        switch self {
        case .planImported: "导入方案"
        case .unitMerged: "合并单位"
        case .unitAliasAdded: "添加单位别名"
        case .importDraftDiscarded: "放弃导入草稿"
        case .userCreated: "新建账号"
        case .userChanged: "修改账号"
        case .tokenCreated: "创建 API 令牌"
        case .tokenRevoked: "吊销 API 令牌"
        case .planRevised: "修订方案"
        case .planWithdrawn: "撤回方案"
        case .planRestored: "恢复方案"
        case .taskAdded: "新增任务"
        case .taskChanged: "修改任务"
        case .taskWithdrawn: "撤销任务"
        case .rulesChanged: "修改报送规则"
        case .workPlanSubmitted: "报送办理方案"
        case .workPlanReviewed: "审核办理方案"
        case .reportSubmitted: "报送完成情况"
        case .reportReviewed: "审核完成情况"
        case .unitUrged: "催办"
        case .contactsChanged: "修改联系人"
        case .webhookChanged: "修改推送地址"
        case .instructionGiven: "领导批示"
        case .roundStarted: "开展督查"
        case .roundClosed: "结束督查"
        case .findingRaised: "督查发现问题"
        case .findingAnswered: "报送整改情况"
        case .findingClosed: "问题销号"
        case .findingReopened: "要求重新整改"
        case .schemeChanged: "修改考核办法"
        case .scoresPublished: "发布考核得分"
        case .bulletinDrafted: "起草督查通报"
        case .bulletinEdited: "修改督查通报"
        case .bulletinIssued: "印发督查通报"
        case .bulletinDiscarded: "删除通报草稿"
        case .flagDismissed: "排除质量提示"
        case .publicPagePublished: "公开进展页面"
        case .publicPageWithdrawn: "取消公开进展页面"
        case .parentsConfirmed: "确认上级任务"
        }
    }
}

/// Writes audit entries. Call it with the same `database` handle as the change itself — inside the change's
/// transaction — so that the change and its entry are committed together or not at all.
enum AuditLog {
    /// Records one change.
    static func record(
        _ action: AuditAction, by actor: AuditActor, governmentID: UUID?, entityType: String, entityID: UUID?,
        summary: String, before: (any Encodable & Sendable)? = nil, after: (any Encodable & Sendable)? = nil,
        requestID: String? = nil, at time: Date = Date(), on database: any Database
    ) async throws {
        let event = AuditEvent(
            governmentID: governmentID, occurredAt: time, actorID: actor.userID, actorName: actor.name,
            action: action.rawValue, entityType: entityType, entityID: entityID, summary: summary,
            beforeState: try before.map(json), afterState: try after.map(json), requestID: requestID)
        try await event.create(on: database)
    }

    /// Stable, readable JSON: sorted keys, Chinese unescaped.
    private static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
