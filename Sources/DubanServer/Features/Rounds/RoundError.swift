import Vapor

/// Why a round, a finding, a 整改 response or a 销号 was refused; the reason is shown beside the form.
enum RoundError: AbortError, Equatable {
    case roundNotFound
    case findingNotFound
    case titleRequired
    case invalidDates
    case planNotFound
    case sectionNotOfPlan
    case roundClosed
    case taskNotInScope
    case unitNotOfTask
    case problemRequired
    case requirementRequired
    case invalidDue
    case tooLong(String, Int)
    case responseRequired
    case findingClosed
    case notAwaitingReview
    case decisionMissing
    case commentRequired
    case evidence(String)

    var status: HTTPResponseStatus {
        switch self {
        case .roundNotFound, .findingNotFound, .planNotFound: .notFound
        case .roundClosed, .findingClosed, .notAwaitingReview: .conflict
        default: .unprocessableEntity
        }
    }

    var reason: String {
        switch self {
        case .roundNotFound: "没有找到这次督查，可能已被删除。请从督查列表重新进入。"
        case .findingNotFound: "没有找到这个督查问题。请从督查列表或工作台重新进入。"
        case .titleRequired: "请填写督查名称。"
        case .invalidDates: "请填写督查的开始和结束日期（如 2026-04-01），结束日期不能早于开始日期。"
        case .planNotFound: "请选择督查的方案。"
        case .sectionNotOfPlan: "所选部分不属于这个方案。"
        case .roundClosed: "这次督查已结束，不能再添加问题。"
        case .taskNotInScope: "所选任务不在这次督查的范围内。"
        case .unitNotOfTask: "所选单位不承担这项任务，或不在这次督查的范围内。"
        case .problemRequired: "请填写发现的问题。"
        case .requirementRequired: "请填写整改要求。"
        case .invalidDue: "请填写整改时限（如 2026-05-10）。"
        case .tooLong(let field, let limit): "\(field)不能超过 \(limit) 字。"
        case .responseRequired: "请填写整改落实情况。"
        case .findingClosed: "这个问题已销号，无需再报整改情况。"
        case .notAwaitingReview: "这个问题没有待核实的整改情况。"
        case .decisionMissing: "请选择销号或重新整改。"
        case .commentRequired: "要求重新整改时，请写明原因。"
        case .evidence(let message): message
        }
    }
}
