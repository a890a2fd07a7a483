import Foundation
import DubanCore
import Fluent

extension APITaskQuery {
    /// The task of the government in full; nil when the government has no such task.
    static func detail(taskID: UUID, governmentID: UUID, on database: any Database) async throws -> TaskDTO? {
        guard let task = try await TaskRecord.query(on: database).filter(\.$id == taskID).with(\.$plan).first(),
            task.plan.$government.id == governmentID
        else { return nil }
        let planID = task.$plan.id
        let source = try await PlanSource.query(on: database).filter(\.$plan.$id == planID).first()
        let hasParent = task.parentNumber != nil || task.parentText != nil
        return TaskDTO(
            id: taskID, planId: planID, planTitle: task.plan.title, key: task.key, number: task.number,
            kind: task.kind.rawValue, kindLabel: task.kind.label, text: task.text, deadline: task.deadline,
            sections: try await sectionPath(from: task.$section.id, planID: planID, on: database),
            parent: hasParent ? ParentTaskDTO(number: task.parentNumber, text: task.parentText) : nil,
            roles: try await roles(of: [taskID], on: database)[taskID] ?? [],
            leaders: try await leaders(of: [taskID], on: database)[taskID] ?? [],
            sourceLine: task.sourceLine,
            source: source.map { source in
                TaskSourceDTO(
                    fileName: source.fileName,
                    lines: TaskPageQuery.excerpt(of: source.text, around: task.sourceLine).map {
                        SourceLineDTO(number: $0.number, text: $0.text)
                    })
            })
    }

    /// The headings above a task, outermost first (one query; plans have few sections).
    private static func sectionPath(from sectionID: UUID?, planID: UUID, on database: any Database) async throws
        -> [SectionRefDTO]
    {
        guard sectionID != nil else { return [] }
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).all()
        let byID = Dictionary(
            sections.compactMap { section in section.id.map { ($0, section) } }, uniquingKeysWith: { a, _ in a })
        var path: [SectionRefDTO] = []
        var current = sectionID
        // The count bound stops a cycle in stored data from looping forever.
        while let id = current, let section = byID[id], path.count < byID.count {
            path.insert(SectionRefDTO(id: id, title: section.title), at: 0)
            current = section.$parent.id
        }
        return path
    }
}
