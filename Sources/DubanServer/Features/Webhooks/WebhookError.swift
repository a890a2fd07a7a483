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
    /// The address leads into the server's own network and the government has not allowed that.
    case internalAddress

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
        case .internalAddress:
            "这个地址指向服务器所在的内部网络（本机、内网或保留地址），为安全起见不允许推送。如本系统部署在政务内网、"
                + "确需推送到内网群聊服务器，请先在本页“推送设置”中允许推送到内网地址。"
        }
    }
}
