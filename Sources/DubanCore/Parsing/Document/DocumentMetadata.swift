/// Reads the notice furniture around a plan: issuing office, document number, date, year.
struct DocumentMetadata: Sendable, Equatable {
    var issuer: String?
    var docNumber: String?
    var date: String?

    private static let organisationSuffixes = [
        "人民政府办公室", "人民政府办公厅", "人民政府", "办公室", "办公厅", "委员会", "管委会", "政府",
    ]

    /// Reads the metadata of one document's lines.
    static func read(_ lines: ArraySlice<SourceLine>) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        for line in lines where line.cells == nil && !line.compact.isEmpty {
            let text = line.compact
            if metadata.docNumber == nil, let number = docNumber(startingLine: text) { metadata.docNumber = number }
            if metadata.issuer == nil, text.bytesHasSuffix("文件"), isOrganisationName(String(text.dropLast(2))) {
                metadata.issuer = String(text.dropLast(2))
            }
            if metadata.date == nil, let date = date(in: text) { metadata.date = date }
        }
        if metadata.issuer == nil { metadata.issuer = signature(in: lines) }
        if metadata.issuer == nil {
            metadata.issuer = lines.first { $0.cells == nil && isOrganisationName($0.compact) }?.compact
        }
        return metadata
    }

    /// "东政办〔2022〕1号", "武政办[2022]1号" at the start of a line, normalised to 〔〕 brackets.
    static func docNumber(startingLine text: String) -> String? {
        let agency = text.prefix(9).prefix { CharacterClass.isHan($0) }
        guard (1...8).contains(agency.count) else { return nil }
        var rest = text.dropFirst(agency.count)
        guard let open = rest.first, "〔[［(（【".contains(open) else { return nil }
        rest = rest.dropFirst()
        let year = rest.prefix { CharacterClass.digitValue($0) != nil }
        guard year.count == 4 else { return nil }
        rest = rest.dropFirst(4)
        guard let close = rest.first, "〕]］)）】".contains(close) else { return nil }
        rest = rest.dropFirst()
        let serial = rest.prefix { CharacterClass.digitValue($0) != nil }
        let after = rest.dropFirst(serial.count)
        guard !serial.isEmpty, after.first == "号" else { return nil }
        // A number cited inside a sentence ("按照武政办〔2023〕5号要求") is not the document's own.
        if let next = after.dropFirst().first, !"—－-–_ （(".contains(next) { return nil }
        return "\(agency)〔\(year)〕\(serial)号"
    }

    /// True when the whole line is a document-number line (the separator between documents in a gazette).
    static func isDocNumberLine(_ text: String) -> Bool {
        guard let number = docNumber(startingLine: text) else { return false }
        return text.scalarCountIsAtMost(number.unicodeScalars.count + 1)
    }

    /// An ISO date from "2022年1月22日", "2019年4月9日印发" or "发布日期:2023-02-07 16:05"; nil otherwise.
    static func date(in text: String) -> String? {
        if text.bytesContain("发布日期"), let range = text.range(of: "发布日期") {
            let digits = text[range.upperBound...].drop { $0 == ":" || $0 == "：" || $0 == " " }.prefix(10)
            let parts = digits.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { return iso(parts[0], parts[1], parts[2]) }
        }
        guard text.bytesHasSuffix("日") || text.bytesHasSuffix("印发"), text.scalarCountIsAtMost(40) else { return nil }
        var numbers: [Int] = []
        var current: Int?
        for character in text {
            if let digit = CharacterClass.digitValue(character) {
                current = (current ?? 0) * 10 + digit
            } else if let value = current, "年月日".contains(character) {
                numbers.append(value)
                current = nil
            } else {
                current = nil
            }
        }
        guard numbers.count == 3, numbers[0] > 1900 else { return nil }
        return iso(numbers[0], numbers[1], numbers[2])
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// A short line that is nothing but an office's name ("武汉市人民政府办公厅").
    static func isOrganisationName(_ text: String) -> Bool {
        guard text.scalarCountIsAtLeast(4), text.scalarCountIsAtMost(30), text.allSatisfy({ CharacterClass.isHan($0) })
        else {
            return false
        }
        return organisationSuffixes.contains { text.bytesHasSuffix($0) }
    }

    /// The signing office: the organisation line just above the date line.
    private static func signature(in lines: ArraySlice<SourceLine>) -> String? {
        var previous: String?
        for line in lines where line.cells == nil && !line.compact.isEmpty {
            if date(in: line.compact) != nil, let name = previous { return name }
            if date(in: line.compact) != nil, let name = organisationPrefix(of: line.compact) { return name }
            previous = isOrganisationName(line.compact) ? line.compact : nil
        }
        return nil
    }

    /// "东西湖区人民政府办公室 2019年4月9日印发" → the office (a footer carrying both).
    private static func organisationPrefix(of text: String) -> String? {
        let head = String(text.prefix { CharacterClass.isHan($0) })
        return isOrganisationName(head) ? head : nil
    }

    /// The plan year: a leading "2022年" in the title, else the date's year.
    static func year(title: String, date: String?) -> Int? {
        let digits = title.prefix { CharacterClass.digitValue($0) != nil }
        if digits.count == 4, title.dropFirst(4).first == "年", let year = Int(digits) { return year }
        if let range = title.range(of: "年"), let year = Int(title[..<range.lowerBound].suffix(4)), year > 1990 {
            return year
        }
        return date.flatMap { Int($0.prefix(4)) }
    }
}
