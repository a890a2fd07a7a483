/// Reads the text of a role statement — "牵头单位:市发改委;责任单位:各区人民政府", "以上6项责任单位：…",
/// or the State Council's "发展改革委牵头，财政部、商务部按职责分工负责" — into roles.
struct RoleClause: Sendable, Equatable {
    /// The roles stated.
    var roles: TaskRoles
    /// For "以上N项…": how many tasks, counting back from this one, the roles apply to.
    var appliesToPrevious: Int?
    /// True when no label named the lead: a bare list of units whose first was taken as lead by convention.
    var leadInferred = false
    /// True when the text stops inside the clause ("…省统计局等按职责分", an excerpt's cut): the roles are read
    /// as far as they go, and the task says so.
    var cutShort = false

    /// A bare list of units ("（市发展改革委，各县〔市、区〕政府）"): the first leads, the others are responsible.
    static func bareList(_ raw: some StringProtocol) -> RoleClause? {
        guard let units = BareUnitList.units(in: Substring(raw)), let first = units.first else { return nil }
        var roles = TaskRoles()
        if first.isCollective {
            roles.responsibleUnits = units
        } else {
            roles.leadUnits = [first]
            roles.responsibleUnits = Array(units.dropFirst())
        }
        var clause = RoleClause(roles: roles, appliesToPrevious: nil)
        clause.leadInferred = !first.isCollective
        return clause
    }

    /// Parses a clause; nil when the text is not a role statement (an ordinary remark in brackets).
    static func parse(_ raw: some StringProtocol) -> RoleClause? {
        var text = Substring(LineCleaner.normalizeSpaces(raw, keepBetweenHan: true))
        let count = takeAboveCount(&text)
        if let roles = labelled(text) {
            return RoleClause(roles: roles, appliesToPrevious: count)
        }
        if let roles = divisionOfLabour(text) {
            return RoleClause(roles: roles, appliesToPrevious: count)
        }
        return nil
    }

    /// Strips a leading "以上6项" / "以上六项" and returns the count.
    private static func takeAboveCount(_ text: inout Substring) -> Int? {
        guard text.bytesHasPrefix("以上") else { return nil }
        let body = text.dropFirst(2)
        let numberPart = body.prefix { CharacterClass.digitValue($0) != nil || ChineseNumeral.isNumeralCharacter($0) }
        guard !numberPart.isEmpty, body.dropFirst(numberPart.count).first == "项" else { return nil }
        let value: Int?
        if numberPart.allSatisfy({ CharacterClass.digitValue($0) != nil }) {
            value = numberPart.reduce(0) { $0 * 10 + (CharacterClass.digitValue($1) ?? 0) }
        } else {
            value = ChineseNumeral.value(of: numberPart)
        }
        text = body.dropFirst(numberPart.count + 1).drop { $0 == "的" || $0 == ":" || $0 == "：" }
        return value
    }

    /// "KEY:value;KEY:value" — labels may be separated by semicolons, commas or nothing at all.
    ///
    /// Walks unicode scalars rather than Characters: role text is Chinese and punctuation, where the two
    /// coincide, and scalar steps avoid grapheme breaking on every position.
    private static func labelled(_ text: Substring) -> TaskRoles? {
        // A clause starts with its first label; a remark that merely mentions a unit role is not a clause.
        guard let (firstRole, firstRest) = RoleKeyword.leadingLabel(in: text) else { return nil }
        var segments: [(RoleKeyword, Substring)] = []
        var current = (firstRole, firstRest.startIndex)
        let scalars = text.unicodeScalars
        var index = firstRest.startIndex
        var previous: Unicode.Scalar?
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if let previous, labelBoundaries.contains(previous),
                let (role, rest) = RoleKeyword.leadingLabel(in: text[index...])
            {
                segments.append((current.0, text[current.1..<index]))
                current = (role, rest.startIndex)
                index = rest.startIndex
                continue
            }
            previous = scalar
            index = scalars.index(after: index)
        }
        segments.append((current.0, text[current.1...]))
        var roles = TaskRoles()
        for (role, value) in segments {
            RoleAssignment.assign(value, to: role, in: &roles)
        }
        return roles
    }

    /// Characters after which a new label may start.
    private static let labelBoundaries: Set<Unicode.Scalar> = [";", "；", ",", "，", "、", " "]

    /// The 分工意见 sentence of a labelled value, when it is one (at least one segment says 牵头 or 配合).
    static func divisionOfLabourRoles(_ text: String) -> TaskRoles? {
        guard
            text.bytesContain("牵头") || text.bytesContain("配合") || text.bytesContain("参与")
                || text.bytesContain("协同")
        else { return nil }
        return divisionOfLabour(Substring(text))
    }

    /// The 分工意见 style: "X牵头，Y、Z按职责分工负责" / "X负责，Y配合" / "分管副省长负责，X牵头，…". Lists
    /// between commas without a verb of their own belong to the next one that has it: in "X牵头，A，B、C等配合"
    /// A, B and C all assist.
    private static func divisionOfLabour(_ text: Substring) -> TaskRoles? {
        var roles = TaskRoles()
        var matched = false
        var pending: [String] = []
        for part in text.split(whereSeparator: { ";；，,".contains($0) }) {
            // "由市发展改革委负责": the 由 introduces the units.
            var segment = Substring(LineCleaner.collapseSpaces(part)).trimmingSuffix("等")
            if segment.hasPrefix("由"), segment.count > 3 { segment = segment.dropFirst() }
            let held = pending.flatMap { UnitNames.parseList($0) }
            if let units = segment.removingSuffix(["牵头负责", "牵头"]) {
                roles.leadUnits += held + UnitNames.parseList(String(units))
            } else if let units = segment.removingSuffix(["按职责分工负责", "按职责负责", "分别负责", "负责落实", "负责"]) {
                // "分管副省长、协管副秘书长负责": people in charge, not units.
                if pending.isEmpty, LeaderName.isLeaderList(String(units)) {
                    roles.leaders += RoleAssignment.leaderNames(units)
                } else {
                    roles.responsibleUnits += held + UnitNames.parseList(String(units))
                }
            } else if let units = segment.removingSuffix(["配合", "参与", "协助", "协同"]) {
                roles.assistingUnits += held + UnitNames.parseList(String(units))
            } else if matched, !segment.isEmpty {
                pending.append(String(segment))
                continue
            } else {
                return nil
            }
            pending = []
            matched = true
        }
        return matched && pending.isEmpty && roles.hasUnits ? roles : nil
    }
}

/// Puts one labelled value into the right role.
enum RoleAssignment {
    /// Splits `value` as the role requires and adds it to `roles`.
    static func assign(_ value: some StringProtocol, to role: RoleKeyword, in roles: inout TaskRoles) {
        let trimmed = value.trimmingCharacters(in: ";；,，、。 ")
        guard !trimmed.isEmpty else { return }
        // "部门分工：省工业和信息化厅牵头，省委网信办…等配合": a labelled value may itself be a sentence of roles.
        if role != .leaders, role != .deadline, let sentence = RoleClause.divisionOfLabourRoles(trimmed) {
            roles.absorb(sentence)
            return
        }
        switch role {
        case .leaders: roles.leaders += leaderNames(trimmed).filter { !roles.leaders.contains($0) }
        case .overallLead: roles.overallLeadUnits += UnitNames.parseList(trimmed)
        case .lead: roles.leadUnits += UnitNames.parseList(trimmed)
        case .responsible: roles.responsibleUnits += UnitNames.parseList(trimmed)
        case .assisting: roles.assistingUnits += UnitNames.parseList(trimmed)
        case .deadline: roles.deadline = LineCleaner.collapseSpaces(trimmed)
        }
    }

    /// Leader names: one name each, whatever separates them ("皮惠兰、卢永桢", "李先勇 祝莹"); a name written
    /// after its titles ("广东省副省长、珠海市委书记吕玉印") is the name alone.
    static func leaderNames(_ text: some StringProtocol) -> [String] {
        var names: [String] = []
        var titlesOnly: [String] = []
        for part in text.split(whereSeparator: { "、，,;；/ \u{3000}".contains($0) }) {
            var name = String(part).trimmingCharacters(in: "()（）")
            if name.bytesHasSuffix("同志") { name = String(name.dropLast(2)) }
            guard !name.isEmpty else { continue }
            switch LeaderName.reading(name) {
            case .person(let person): if !names.contains(person) { names.append(person) }
            case .title(let title): titlesOnly.append(title)
            }
        }
        // Titles alone ("分管副省长") are the leaders only when no person is named.
        return names.isEmpty ? titlesOnly : names
    }
}

extension StringProtocol {
    /// Drops the given characters from both ends.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        let kept = { (character: Character) in !characters.contains(character) && !CharacterClass.isSpace(character) }
        // One pass from each end: repeated `dropLast()` on a Substring re-breaks graphemes from its start, which
        // is quadratic on a long run of brackets.
        guard let start = firstIndex(where: kept), let last = lastIndex(where: kept) else { return "" }
        return String(self[start...last])
    }

    /// Drops one trailing occurrence of `suffix`.
    func trimmingSuffix(_ suffix: String) -> Substring {
        let slice = Substring(self)
        return slice.bytesHasSuffix(suffix) ? slice.dropLast(suffix.count) : slice
    }

    /// The text before the first matching suffix, when it ends with one and something precedes it.
    func removingSuffix(_ suffixes: [String]) -> Substring? {
        let slice = Substring(self)
        for suffix in suffixes where slice.bytesHasSuffix(suffix) && slice.count > suffix.count {
            return slice.dropLast(suffix.count)
        }
        return nil
    }
}
