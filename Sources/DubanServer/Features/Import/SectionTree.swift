import DubanCore
import Foundation

/// The section records of a plan, built from the heading paths its tasks carry: a new plan's whole tree, or
/// the sections a revision adds under the tree a plan already has.
struct SectionTree {
    let planID: UUID
    /// The sections created here, parents before children, still to be saved.
    private(set) var records: [PlanSection] = []
    private var idsByPath: [[String]: UUID]
    /// Sections the plan holds in all, for the position of the next one.
    private var count: Int

    /// The tree of a new plan's tasks.
    init(planID: UUID, tasks: [PlanTask]) {
        self.init(planID: planID, existing: [:], count: 0)
        for task in tasks { _ = id(for: task.sections) }
    }

    /// A plan's stored tree (section id by heading path, and how many there are), to be extended.
    init(planID: UUID, existing: [[String]: UUID], count: Int) {
        self.planID = planID
        idsByPath = existing
        self.count = count
    }

    /// The innermost section of a heading path, creating whatever levels are missing; nil for tasks outside any
    /// section.
    mutating func id(for path: [String]) -> UUID? {
        var parentID: UUID?
        for depth in path.indices {
            let prefix = Array(path[...depth])
            if let id = idsByPath[prefix] {
                parentID = id
                continue
            }
            let id = UUID()
            records.append(
                PlanSection(
                    id: id, planID: planID, parentID: parentID, title: path[depth],
                    level: depth + 1, position: count))
            count += 1
            idsByPath[prefix] = id
            parentID = id
        }
        return parentID
    }

    /// The innermost section of a heading path already in the tree; nil for tasks outside any section.
    func sectionID(for path: [String]) -> UUID? { path.isEmpty ? nil : idsByPath[path] }
}
