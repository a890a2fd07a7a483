import Vapor

/// Why a webhook could not be added or changed, in words the 督查室 can act on.
enum WebhookError: AbortError, Equatable {
    case nameMissing
    case nameTooLong
    case urlMissing
    case urlInvalid
    case unitNotFound
    case duplicate
    case webhookNotFound
    case deliveryNotFound
    case notRetryable

    /// 404 for what is not there (or belongs to another government), 409 for a retry of a delivery that has
    /// not failed, 422 for a form that cannot be saved.
    var status: HTTPResponseStatus {
        switch self {
        case .webhookNotFound, .deliveryNotFound: .notFound
        case .notRetryable: .conflict
        default: .unprocessableEntity
        }
    }

    /// The sentence shown beside the form or on the error page.
    var reason: String {
        switch self {
        case .nameMissing: "请填写名称，如“财政局工作群机器人”。"
        case .nameTooLong: "名称不能超过 \(WebhookRules.maximumNameLength) 个字。"
        case .urlMissing: "请填写推送地址。"
        case .urlInvalid: "推送地址必须是以 http:// 或 https:// 开头的完整网址，例如 https://example.gov.cn/hook。"
        case .unitNotFound: "所选单位不存在或不属于本级政府，请刷新页面后重新选择。"
        case .duplicate: "这个接收方已经有相同的推送地址。"
        case .webhookNotFound: "没有找到这个推送地址，可能已被删除。"
        case .deliveryNotFound: "没有找到这条发送记录，可能已随推送地址一起删除。"
        case .notRetryable: "只有发送失败的记录可以重试。"
        }
    }
}
