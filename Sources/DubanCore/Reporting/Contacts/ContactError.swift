/// Why a contact phone number was refused, with the Chinese sentence shown under the field.
public enum ContactError: Error, Sendable, Equatable {
    case empty
    case invalidCharacters(String)
    case foreignNumber
    case mobileLength(Int)
    case mobilePrefix
    case extensionOnMobile
    case missingAreaCode
    case areaCode(String)
    case localLength(Int)
    case localPrefix
    case extensionNumber(String)

    /// The user-facing message.
    public var message: String {
        switch self {
        case .empty: "请填写联系电话。"
        case .invalidCharacters(let text): "联系电话“\(text)”中有无法识别的字符，只能填写数字、空格、连字符、括号和“转”。"
        case .foreignNumber: "只支持中国大陆的电话号码（+86）。"
        case .mobileLength(let count): "手机号码应为11位，当前为\(count)位。"
        case .mobilePrefix: "手机号码应以13至19开头。"
        case .extensionOnMobile: "手机号码不能带分机号。"
        case .missingAreaCode: "座机号码请加区号，如027-85551234。"
        case .areaCode(let code): "区号“\(code)”不正确：区号为010、02X，或以0开头的4位数字。"
        case .localLength(let count): "座机号码（不含区号）应为7或8位，当前为\(count)位。"
        case .localPrefix: "座机号码（不含区号）不能以0或1开头。"
        case .extensionNumber(let text): "分机号“\(text)”不正确，应为1至6位数字。"
        }
    }
}
