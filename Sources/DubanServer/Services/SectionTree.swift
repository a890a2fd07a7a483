import DubanCore
import Foundation

/// The section records of a plan, built from the heading paths its tasks carry.
struct SectionTree {
    private(set) var records: [PlanSection] = []
    private var idsByPath: [[String]: UUID] = [:]

    init(planID: UUID, tasks: [PlanTask]) {
        for task in tasks {
            var parentID: UUID?
            for depth in task.sections.indices {
                let path = Array(task.sections[...depth])
                if let id = idsByPath[path] {
                    parentID = id
                    continue
                }
                let id = UUID()
                records.append(PlanSection(id: id, planID: planID, parentID: parentID, title: task.sections[depth],
                                           level: depth + 1, position: records.count))
                idsByPath[path] = id
                parentID = id
            }
        }
    }

    /// The innermost section of a heading path; nil for tasks outside any section.
    func sectionID(for path: [String]) -> UUID? { path.isEmpty ? nil : idsByPath[path] }
}
