import Vapor

/// Why an account could not be created or changed, in words the 督查室 can act on.
enum AccountError: AbortError, Equatable {
    case usernameInvalid
    case usernameTaken(String)
    case displayNameInvalid
    case passwordTooShort
    case passwordTooLong
    case passwordIsUsername
    case passwordsDiffer
    case currentPasswordWrong
    case unitRequired
    case unitOnlyForClerks
    case leaderOnlyForLeaders
    case unitNotFound(String)
    case leaderNotFound(String)
    case userNotFound
    case cannotDisableSelf

    /// 404 for an account that is not there (or belongs to another government), 400 for a bad form.
    var status: HTTPResponseStatus {
        self == .userNotFound ? .notFound : .badRequest
    }

    /// The sentence shown beside the form or on the error page.
    var reason: String {
        switch self {
        case .usernameInvalid: "用户名须为 3–32 个字符，只能使用小写英文字母、数字、点、下划线和连字符，并以字母或数字开头。"
        case .usernameTaken(let name): "用户名“\(name)”已被使用，请换一个。"
        case .displayNameInvalid: "请填写姓名（不超过 40 个字）。"
        case .passwordTooShort: "密码至少需要 \(UserRules.minimumPasswordLength) 个字符。"
        case .passwordTooLong: "密码太长：最多 \(UserRules.maximumPasswordBytes) 个字节（约 24 个汉字或 72 个英文字符）。"
        case .passwordIsUsername: "密码不能与用户名相同。"
        case .passwordsDiffer: "两次输入的新密码不一致。"
        case .currentPasswordWrong: "当前密码不正确。"
        case .unitRequired: "单位经办人账号需要选择所属单位。"
        case .unitOnlyForClerks: "只有单位经办人账号可以指定所属单位。"
        case .leaderOnlyForLeaders: "只有领导账号可以关联领导。"
        case .unitNotFound(let name):
            name.isEmpty ? "所选单位不存在或不属于本级政府，请刷新页面后重新选择。" : "本级政府没有名为“\(name)”的单位。"
        case .leaderNotFound(let name):
            name.isEmpty ? "所选领导不存在或不属于本级政府，请刷新页面后重新选择。" : "本级政府没有名为“\(name)”的领导。"
        case .userNotFound: "没有找到这个账号，请核对用户名或从账号列表重新进入。"
        case .cannotDisableSelf: "不能停用自己正在使用的账号。"
        }
    }
}
