import DubanCore
import Foundation

/// One field of the 督办工作人员名单 form: a role's name, title or phone, or the role as a whole (for "give at
/// least one phone", which belongs to neither phone alone). Keys the form's values and its error messages.
struct ContactField: Hashable, Sendable {
    /// Which part of a role's entry.
    enum Part: String, Sendable, CaseIterable {
        case name
        case title
        case officePhone = "office_phone"
        case mobile
        /// The pair of phones together.
        case phones
    }

    var role: ContactRole
    var part: Part

    /// The input's `name` in the form, e.g. "clerk-office_phone": flat, so the form decodes as a plain
    /// dictionary whatever the encoder does with brackets.
    var formName: String { "\(role.rawValue)-\(part.rawValue)" }
}

/// A contact as stored and audited: trimmed, phones normalized by `ContactPhone`.
struct ContactEntry: Codable, Sendable, Equatable {
    var role: ContactRole
    var name: String
    /// 职务; may be empty.
    var title: String
    /// A landline or a mobile; empty when only a mobile was given.
    var officePhone: String
    /// A mobile; empty when only an office phone was given.
    var mobile: String

    /// The stored row as an entry; nil for a role this version does not know.
    init?(_ contact: UnitContact) {
        let role = contact.role
        self.init(
            role: role, name: contact.name, title: contact.title, officePhone: contact.officePhone,
            mobile: contact.mobile)
    }

    init(role: ContactRole, name: String, title: String, officePhone: String, mobile: String) {
        self.role = role
        self.name = name
        self.title = title
        self.officePhone = officePhone
        self.mobile = mobile
    }
}

/// The 督办工作人员名单 form as typed, for all three roles at once, and the rules that turn it into entries.
///
/// Checking every field before anything is saved lets the page answer with every mistake at once, each beside
/// its field, instead of one mistake per round trip.
struct ContactForm: Sendable, Equatable {
    /// The longest name or title accepted: room for a compound title such as "党组成员、副局长" with margin,
    /// short enough that a pasted paragraph is caught.
    static let maximumLength = 40

    /// The typed values by field; missing fields read as empty.
    private(set) var values: [ContactField: String] = [:]

    /// An empty form.
    init() {}

    /// The form as posted: inputs named by `ContactField.formName`; anything else is ignored.
    init(posted: [String: String]) {
        for role in ContactRole.allCases {
            for part in ContactField.Part.allCases {
                let field = ContactField(role: role, part: part)
                if let value = posted[field.formName] { values[field] = value }
            }
        }
    }

    /// The form prefilled with the stored entries.
    init(entries: [ContactEntry]) {
        for entry in entries {
            values[ContactField(role: entry.role, part: .name)] = entry.name
            values[ContactField(role: entry.role, part: .title)] = entry.title
            values[ContactField(role: entry.role, part: .officePhone)] = entry.officePhone
            values[ContactField(role: entry.role, part: .mobile)] = entry.mobile
        }
    }

    /// The value typed into a field, as typed.
    subscript(role: ContactRole, part: ContactField.Part) -> String {
        get { values[ContactField(role: role, part: part)] ?? "" }
        set { values[ContactField(role: role, part: part)] = newValue }
    }

    /// The entries to store, in `ContactRole` order, leaving out roles left wholly empty; throws every mistake
    /// at once, keyed by field.
    func entries() throws(ContactBookError) -> [ContactEntry] {
        var entries: [ContactEntry] = []
        var messages: [ContactField: String] = [:]
        for role in ContactRole.allCases {
            switch Self.check(role, in: self) {
            case .empty: continue
            case .entry(let entry): entries.append(entry)
            case .refused(let refused): messages.merge(refused) { first, _ in first }
            }
        }
        guard messages.isEmpty else { throw .invalidFields(messages) }
        return entries
    }

    /// What one role's fields amount to.
    private enum RoleOutcome {
        case empty
        case entry(ContactEntry)
        case refused([ContactField: String])
    }

    /// Checks one role: all empty removes it; otherwise a name, a short title and at least one valid phone.
    private static func check(_ role: ContactRole, in form: ContactForm) -> RoleOutcome {
        let name = trimmed(form[role, .name])
        let title = trimmed(form[role, .title])
        let office = trimmed(form[role, .officePhone])
        let mobile = trimmed(form[role, .mobile])
        if [name, title, office, mobile].allSatisfy(\.isEmpty) { return .empty }
        var messages: [ContactField: String] = [:]
        if name.isEmpty {
            messages[ContactField(role: role, part: .name)] = "请填写\(role.label)的姓名；如不需要这一项，请把这一组全部清空。"
        } else if name.count > maximumLength {
            messages[ContactField(role: role, part: .name)] = "姓名不能超过\(maximumLength)个字。"
        }
        if title.count > maximumLength {
            messages[ContactField(role: role, part: .title)] = "职务不能超过\(maximumLength)个字。"
        }
        if office.isEmpty, mobile.isEmpty {
            messages[ContactField(role: role, part: .phones)] = "请至少填写一个联系电话（办公电话或手机）。"
        }
        let officeNumber = phone(office, mobileOnly: false, role: role, part: .officePhone, messages: &messages)
        let mobileNumber = phone(mobile, mobileOnly: true, role: role, part: .mobile, messages: &messages)
        guard messages.isEmpty else { return .refused(messages) }
        return .entry(
            ContactEntry(role: role, name: name, title: title, officePhone: officeNumber, mobile: mobileNumber))
    }

    /// The normalized number, "" when none was typed; a refused number leaves its message and returns "".
    private static func phone(
        _ text: String, mobileOnly: Bool, role: ContactRole, part: ContactField.Part,
        messages: inout [ContactField: String]
    ) -> String {
        guard !text.isEmpty else { return "" }
        do throws(ContactError) {
            let phone = try ContactPhone(text)
            if mobileOnly, phone.kind != .mobile {
                messages[ContactField(role: role, part: part)] = "“手机”一栏只能填写手机号码；座机号码请填在“办公电话”一栏。"
                return ""
            }
            return phone.number
        } catch {
            messages[ContactField(role: role, part: part)] = error.message
            return ""
        }
    }

    /// Spaces and line breaks around a value never mean anything here.
    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
