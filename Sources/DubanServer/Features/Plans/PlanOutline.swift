import DubanCore
import Foundation

/// A plan's section tree in reading order, each section with the tasks it holds directly and the count of tasks
/// by kind in it and all its descendants. Pure: the query loads rows, this arranges them, tests need no database.
struct PlanOutline {
    /// A section as stored.
    struct Section {
        var id: UUID
        var parentID: UUID?
        var title: String
        var position: Int
    }

    /// One section in reading order.
    struct Entry<Task> {
        /// Nil for the "未分节" group of tasks outside any section.
        var sectionID: UUID?
        var title: String
        /// 1 for the outermost headings.
        var depth: Int
        var tally: KindTally
        var tasks: [Task]
    }

    /// The sections depth first, outermost first, siblings by position; tasks without a section (or whose section
    /// is missing) last under "未分节". Sections and tasks with nothing in them still appear: a heading may
    /// announce work that later plans fill.
    static func arrange<Task>(
        sections: [Section], tasks: [Task], sectionOf: (Task) -> UUID?, kindOf: (Task) -> TaskKind?
    )
        -> [Entry<Task>]
    {
        let known = Set(sections.map(\.id))
        var children: [UUID?: [Section]] = [:]
        for section in sections {
            let parent = section.parentID.flatMap { known.contains($0) ? $0 : nil }
            children[parent, default: []].append(section)
        }
        var direct: [UUID?: [Task]] = [:]
        for task in tasks {
            let section = sectionOf(task).flatMap { known.contains($0) ? $0 : nil }
            direct[section, default: []].append(task)
        }
        let tallies = tally(sections: sections, tasks: tasks, sectionOf: sectionOf, kindOf: kindOf)
        var entries: [Entry<Task>] = []
        func visit(_ parent: UUID?, depth: Int) {
            for section in (children[parent] ?? []).sorted(by: { $0.position < $1.position }) {
                entries.append(
                    Entry(
                        sectionID: section.id, title: section.title, depth: depth,
                        tally: tallies[section.id] ?? KindTally(), tasks: direct[section.id] ?? []))
                visit(section.id, depth: depth + 1)
            }
        }
        visit(nil, depth: 1)
        if let loose = direct[nil], !loose.isEmpty {
            var tally = KindTally()
            for task in loose { if let kind = kindOf(task) { tally.add(kind) } }
            entries.append(Entry(sectionID: nil, title: "未分节", depth: 1, tally: tally, tasks: loose))
        }
        return entries
    }

    /// Task counts by kind per section, each task counted in its section and every ancestor; a task whose kind
    /// is nil (withdrawn) is listed but not counted.
    static func tally<Task>(sections: [Section], tasks: [Task], sectionOf: (Task) -> UUID?, kindOf: (Task) -> TaskKind?)
        -> [UUID: KindTally]
    {
        let parents = Dictionary(sections.map { ($0.id, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        var tallies: [UUID: KindTally] = [:]
        for task in tasks {
            guard let kind = kindOf(task) else { continue }
            var current = sectionOf(task)
            var visited = Set<UUID>()
            // `visited` guards against a cycle in stored data, which would otherwise loop forever.
            while let id = current, parents.keys.contains(id), visited.insert(id).inserted {
                tallies[id, default: KindTally()].add(kind)
                current = parents[id] ?? nil
            }
        }
        return tallies
    }
}
