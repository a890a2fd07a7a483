/// The headings above the current line, outermost first.
struct SectionStack: Sendable {
    /// One heading.
    struct Section: Sendable {
        let level: Int
        let marker: String
        let printed: String
        let line: Int
        var roles: TaskRoles
        let declared: (text: String, value: Int)?
    }

    private(set) var sections: [Section] = []

    /// Enters a heading: it replaces any heading of the same or a deeper level.
    mutating func push(_ section: Section) {
        sections.removeAll { $0.level >= section.level }
        sections.append(section)
    }

    /// Forgets every heading (a new attachment or plan title starts).
    mutating func reset() { sections.removeAll() }

    /// Adds roles stated on a line of their own just below the innermost heading.
    mutating func addRolesToInnermost(_ roles: TaskRoles) {
        guard !sections.isEmpty else { return }
        sections[sections.count - 1].roles.absorb(roles)
    }

    /// The headings as printed.
    var printed: [String] { sections.map(\.printed) }

    /// The key prefix: markers of numbered headings ("二", "一"), as in the key "二.一.3".
    var keyPath: [String] { sections.compactMap { $0.marker.isEmpty ? nil : $0.marker } }

    /// Roles inherited from headings, innermost first.
    var inheritedRoles: TaskRoles {
        var roles = TaskRoles()
        for section in sections.reversed() { roles.inherit(section.roles) }
        return roles
    }

    /// The kind the headings imply: 民生实事 → livelihood, 续建 → continued, 主要目标 → target.
    var impliedKind: TaskKind {
        for section in sections.reversed() {
            if let kind = Self.kind(named: section.printed) { return kind }
        }
        return .task
    }

    /// The kind a heading or table title names, nil when it names none.
    static func kind(named text: String) -> TaskKind? {
        if text.bytesContain("续建") { return .continued }
        if text.bytesContain("民生实事") || text.bytesContain("为民办实事") || text.bytesContain("民生项目") { return .livelihood }
        let targetWords = ["主要预期目标", "主要目标", "预期目标", "主要指标", "发展目标"]
        if targetWords.contains(where: { text.bytesContain($0) }), !text.bytesContain("重点工作") { return .target }
        return nil
    }
}
