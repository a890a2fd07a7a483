import DubanCore

/// The API's spelling of stored identifiers: camelCase values, like its keys and the parse contract
/// ("overallLead", "partyOrgan"), whatever the database stores ("overall_lead", "party_organ").
enum APIName {
    /// "party_organ" → "partyOrgan"; a single word is unchanged.
    static func camel(_ raw: String) -> String {
        let words = raw.split(separator: "_")
        guard let first = words.first else { return raw }
        return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

extension AssignmentRole {
    /// The role as the API writes it: "overallLead", "lead", "responsible", "assisting".
    var apiName: String { APIName.camel(rawValue) }
}

extension UnitKind {
    /// The kind as the API writes it, e.g. "managementCommittee".
    var apiName: String { APIName.camel(rawValue) }
}
