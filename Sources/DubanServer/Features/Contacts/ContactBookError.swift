import Vapor

/// Why a unit's 督办联系人 could not be saved, in words the clerk can act on.
enum ContactBookError: AbortError, Equatable {
    /// Some fields were refused; each message is shown beside its field, nothing was saved.
    case invalidFields([ContactField: String])
    /// A collective name ("各街道办事处") stands for several units and has no contacts of its own.
    case collectiveUnit(String)
    /// Another save of the same unit's contacts landed first.
    case concurrentChange

    /// 422 for a form to correct, 409 for a lost race.
    var status: HTTPResponseStatus {
        switch self {
        case .invalidFields, .collectiveUnit: .unprocessableEntity
        case .concurrentChange: .conflict
        }
    }

    /// The sentence above the form or on the error page.
    var reason: String {
        switch self {
        case .invalidFields(let messages):
            "联系人名单有 \(messages.count) 处需要修改，请按各栏下方的提示改正后再保存；本次没有保存任何内容。"
        case .collectiveUnit(let name):
            "“\(name)”是多个单位的统称，没有自己的联系人。请到各成员单位的页面填写。"
        case .concurrentChange:
            "刚才有人同时修改了本单位的联系人。请刷新页面，核对后重新保存。"
        }
    }

    /// The message for one field; "" when it was not refused.
    func message(for field: ContactField) -> String {
        guard case .invalidFields(let messages) = self else { return "" }
        return messages[field] ?? ""
    }
}
