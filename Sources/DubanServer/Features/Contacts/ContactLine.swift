import DubanCore

/// One contact as the unit page lists it: role, name, title and phones that dial when tapped.
struct ContactLine: Encodable, Equatable {
    /// A phone number as a `tel:` link.
    struct Phone: Encodable, Equatable {
        /// "办公电话" or "手机".
        var label: String
        /// The normalized number as shown: "027-85551234转123".
        var number: String
        var href: String

        /// The link for a normalized number: digits and the area code's hyphen kept, "转" (extension) as the
        /// pause "," that phones dial before the extension.
        init(label: String, number: String) {
            self.label = label
            self.number = number
            href = "tel:" + number.replacingOccurrences(of: "转", with: ",")
        }
    }

    /// `ContactRole` raw value.
    var role: String
    var roleLabel: String
    var name: String
    var title: String
    var hasTitle: Bool
    var phones: [Phone]

    /// The line of a stored entry.
    init(_ entry: ContactEntry) {
        role = entry.role.rawValue
        roleLabel = entry.role.label
        name = entry.name
        title = entry.title
        hasTitle = !entry.title.isEmpty
        phones = [("办公电话", entry.officePhone), ("手机", entry.mobile)].filter { !$0.1.isEmpty }
            .map { Phone(label: $0.0, number: $0.1) }
    }
}
