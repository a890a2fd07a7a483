import Foundation

/// Reads typed phone numbers into `ContactPhone`: folding, the +86 prefix, mobile numbers, then landlines
/// with their area code and extension.
enum PhoneReader {
    /// Characters people put between digit groups.
    private static let separators: Set<Character> = [" ", "-", "(", ")"]
    /// Dashes Word and input methods produce instead of "-".
    private static let dashes: Set<Character> = [
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{FE63}",
    ]

    /// Reads one number.
    static func read(_ raw: String) throws(ContactError) -> ContactPhone {
        let text = fold(raw)
        guard !text.isEmpty else { throw .empty }
        let (main, typedExtension) = try splitExtension(text)
        var (groups, international) = try digitGroups(main, original: raw)
        var digits = groups.joined()
        guard !digits.isEmpty else { throw .invalidCharacters(raw) }
        // "8613812345678": a +86 mobile typed without the plus.
        if !international, digits.count == 13, digits.hasPrefix("861") {
            groups = [String(digits.dropFirst(2))]
            digits = groups.joined()
        }
        if digits.first == "1" {
            return try mobile(digits, hasExtension: typedExtension != nil)
        }
        if international, digits.first != "0", !groups.isEmpty {
            // "+86 27 85551234": the trunk 0 is dropped after the country code.
            groups[0] = "0" + groups[0]
            digits = "0" + digits
        }
        guard digits.first == "0" else { throw .missingAreaCode }
        return try landline(groups: groups, digits: digits, typedExtension: typedExtension)
    }

    /// Full-width forms, odd dashes and every kind of space folded to ASCII; outer spaces trimmed.
    private static func fold(_ raw: String) -> String {
        let folded = TextNormalizer.foldWidth(raw).map { character -> Character in
            if dashes.contains(character) { return "-" }
            if character.isWhitespace { return " " }
            return character
        }
        return String(folded).trimmingCharacters(in: .whitespaces)
    }

    /// The number and the extension typed after "转" or "分机", whose digits are checked here.
    private static func splitExtension(_ text: String) throws(ContactError) -> (String, String?) {
        guard let marker = text.range(of: "转") ?? text.range(of: "分机") else { return (text, nil) }
        let typed = text[marker.upperBound...].filter { $0 != " " && $0 != "-" }
        guard (1...6).contains(typed.count), typed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .extensionNumber(String(text[marker.upperBound...]).trimmingCharacters(in: .whitespaces))
        }
        return (String(text[..<marker.lowerBound]), typed)
    }

    /// The digit groups between separators, after an international prefix (+86, 0086) is removed.
    private static func digitGroups(_ main: String, original: String) throws(ContactError) -> ([String], Bool) {
        var body = main.replacingOccurrences(of: "(+86)", with: "+86").trimmingCharacters(in: .whitespaces)
        var international = false
        if body.hasPrefix("+") {
            guard body.hasPrefix("+86") else { throw .foreignNumber }
            body.removeFirst(3)
            international = true
        } else if body.hasPrefix("0086") {
            body.removeFirst(4)
            international = true
        }
        var groups: [String] = []
        var current = ""
        for character in body {
            if separators.contains(character) {
                if !current.isEmpty { groups.append(current) }
                current = ""
            } else if character.isASCII, character.isNumber {
                current.append(character)
            } else {
                throw .invalidCharacters(original.trimmingCharacters(in: .whitespaces))
            }
        }
        if !current.isEmpty { groups.append(current) }
        return (groups, international)
    }

    /// 1[3-9] and nine more digits.
    private static func mobile(_ digits: String, hasExtension: Bool) throws(ContactError) -> ContactPhone {
        guard !hasExtension else { throw .extensionOnMobile }
        guard digits.count == 11 else { throw .mobileLength(digits.count) }
        guard let second = digits.dropFirst().first, ("3"..."9").contains(second) else { throw .mobilePrefix }
        return ContactPhone(kind: .mobile, number: digits)
    }

    /// Area code (010 and 02X have three digits, every other code four), a 7–8 digit local number not starting
    /// with 0 or 1, and an extension typed after "转" or as a last "-123" group.
    private static func landline(groups: [String], digits: String, typedExtension: String?) throws(ContactError)
        -> ContactPhone
    {
        let second = digits.dropFirst().first
        let areaLength = second == "1" || second == "2" ? 3 : 4
        let area = String(digits.prefix(areaLength))
        guard digits.count > areaLength, second != "0", second != "1" || area == "010" else { throw .areaCode(area) }
        // A separator typed right after the area code must agree with the area code's length.
        if let first = groups.first, first.count <= 4, first.count != areaLength { throw .areaCode(first) }
        // The area code is taken from the digits, whether or not a separator follows it.
        var rest = groups.enumerated().map { $0.offset == 0 ? String($0.element.dropFirst(areaLength)) : $0.element }
        rest.removeAll { $0.isEmpty }
        var local = ""
        while local.count < 7, !rest.isEmpty { local += rest.removeFirst() }
        guard (7...8).contains(local.count) else { throw .localLength(local.count) }
        guard let lead = local.first, lead != "0", lead != "1" else { throw .localPrefix }
        var ext = typedExtension
        if !rest.isEmpty {
            let trailing = rest.joined(separator: "-")
            guard ext == nil, rest.count == 1, (1...6).contains(trailing.count) else {
                throw .extensionNumber(trailing)
            }
            ext = trailing
        }
        return ContactPhone(kind: .landline, number: "\(area)-\(local)" + (ext.map { "转\($0)" } ?? ""))
    }
}
