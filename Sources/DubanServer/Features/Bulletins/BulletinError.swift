import Vapor

/// Why a bulletin could not be drafted, saved or issued; the reason is shown beside the form.
enum BulletinError: AbortError, Equatable {
    case notFound
    case alreadyIssued
    case sourceMissing
    case roundNotFound
    case titleRequired
    case organRequired
    case invalidDate
    case invalidNumber
    case numberTaken(String)
    case tooLong(String, Int)
    case confirmRequired

    var status: HTTPResponseStatus {
        switch self {
        case .notFound, .roundNotFound: .notFound
        case .alreadyIssued: .conflict
        default: .unprocessableEntity
        }
    }

    var reason: String {
        switch self {
        case .notFound: "没有找到这期通报，可能草稿已被删除。请从通报列表重新进入。"
        case .alreadyIssued: "这期通报已印发，不能再修改。"
        case .sourceMissing: "请选择通报所依据的方案和期次，或一次督查。"
        case .roundNotFound: "没有找到所选的督查。"
        case .titleRequired: "请填写通报标题。"
        case .organRequired: "请填写发文机关。"
        case .invalidDate: "请填写成文日期（如 2026-10-25）。"
        case .invalidNumber: "期号请填写正整数。"
        case .numberTaken(let label): "\(label)已经用过，请换一个期号。"
        case .tooLong(let field, let limit): "\(field)不能超过 \(limit) 字。"
        case .confirmRequired: "印发后不能再修改。请勾选“已核对，确认印发”后再印发。"
        }
    }
}
