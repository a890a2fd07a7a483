import DubanCore

/// The form of a unit's 督办工作人员名单 (附表2): one fieldset per role, each input with its value as typed and,
/// after a refused save, its message.
struct UnitContactsPage: Encodable {
    /// One role's fieldset.
    struct RoleFieldset: Encodable {
        var role: String
        var label: String
        /// A message about the role as a whole ("give at least one phone"); empty otherwise.
        var error: String
        var hasError: Bool
        var inputs: [Input]
    }

    /// One input with its label, value and message.
    struct Input: Encodable {
        var id: String
        var name: String
        var label: String
        /// "text" or "tel": phones get the telephone keypad on a phone.
        var type: String
        var value: String
        var placeholder: String
        var autocomplete: String
        var maxLength: Int
        var error: String
        var hasError: Bool
    }

    var page: PageChrome
    var unitName: String
    var action: String
    var backHref: String
    /// The sentence above the form after a refused save; empty otherwise.
    var error: String
    var roles: [RoleFieldset]

    /// The fieldsets for `form`, with the messages of `error` beside their fields.
    static func fieldsets(_ form: ContactForm, error: ContactBookError?) -> [RoleFieldset] {
        ContactRole.allCases.map { role in
            let whole = error?.message(for: ContactField(role: role, part: .phones)) ?? ""
            return RoleFieldset(
                role: role.rawValue, label: role.label, error: whole, hasError: !whole.isEmpty,
                inputs: InputKind.allCases.map { kind in
                    let field = ContactField(role: role, part: kind.part)
                    let message = error?.message(for: field) ?? ""
                    return Input(
                        id: "contact-\(field.formName)", name: field.formName, label: kind.label,
                        type: kind.inputType, value: form[role, kind.part], placeholder: kind.placeholder,
                        autocomplete: kind.autocomplete, maxLength: kind.maxLength, error: message,
                        hasError: !message.isEmpty)
                })
        }
    }

    /// The four inputs of a role, in the order of 附表2's columns.
    private enum InputKind: CaseIterable {
        case name, title, officePhone, mobile

        var part: ContactField.Part {
            switch self {
            case .name: .name
            case .title: .title
            case .officePhone: .officePhone
            case .mobile: .mobile
            }
        }

        var label: String {
            switch self {
            case .name: "姓名"
            case .title: "职务"
            case .officePhone: "办公电话"
            case .mobile: "手机"
            }
        }

        var inputType: String {
            switch self {
            case .name, .title: "text"
            case .officePhone, .mobile: "tel"
            }
        }

        var placeholder: String {
            switch self {
            case .name: ""
            case .title: "如 副局长"
            case .officePhone: "如 027-85551234转123"
            case .mobile: "如 13812345678"
            }
        }

        /// Browsers must not fill the signed-in user's own details into someone else's row.
        var autocomplete: String { "off" }

        /// Generous for phones: spaces, brackets and "转" are typed too.
        var maxLength: Int {
            switch self {
            case .name, .title: ContactForm.maximumLength
            case .officePhone, .mobile: 40
            }
        }
    }
}
