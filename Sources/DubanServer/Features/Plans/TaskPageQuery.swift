import Foundation
import DubanCore
import Fluent
import SQLKit

/// Everything the task page shows: the task, where it sits in its plan, who answers for it, and the lines of the
/// source document it was read from.
enum TaskPageQuery {
    /// Lines shown before and after the task's first line: enough for a task wrapped over several lines and its
    /// role lines, short enough to read at a glance.
    static let linesBefore = 2
    static let linesAfter = 5

    /// The task of the government; nil when the government has no such task.
    static func detail(taskID: UUID, governmentID: UUID, on database: any Database) async throws -> TaskDetail? {
        guard let task = try await TaskRecord.query(on: database).filter(\.$id == taskID).with(\.$plan).first(),
            task.plan.$government.id == governmentID
        else { return nil }
        let planID = try task.plan.requireID()
        let source = try await sourceText(of: task, planID: planID, on: database)
        let kind = task.kind
        return TaskDetail(
            number: task.number, kind: kind.rawValue, kindLabel: kind.label, text: task.text,
            deadline: task.deadline ?? "", planTitle: task.plan.title, planHref: SiteURL.plan(planID).path,
            sections: try await sectionPath(from: task.$section.id, planID: planID, on: database),
            parentNumber: task.parentNumber ?? "", parentText: task.parentText ?? "",
            hasParent: kind == .cascaded || task.parentText != nil,
            roles: try await roles(taskID: taskID, on: database),
            leaders: try await leaders(taskID: taskID, on: database),
            withdrawn: task.withdrawnAt != nil, planWithdrawn: task.plan.withdrawnAt != nil,
            hasSource: source != nil,
            source: TaskDetail.SourceExcerpt(
                fileName: source?.fileName ?? "", lineNumber: task.sourceLine,
                lines: excerpt(of: source?.text ?? "", around: task.sourceLine)))
    }

    /// The version of the plan's document the task's line number refers to: the latest revision for a task in
    /// force, the version before its withdrawal for a withdrawn one (its key records the revision), else the
    /// original.
    private static func sourceText(of task: TaskRecord, planID: UUID, on database: any Database) async throws
        -> (fileName: String, text: String)?
    {
        var revisions = PlanRevision.query(on: database).filter(\.$plan.$id == planID)
        if task.withdrawnAt != nil {
            let number =
                task.key.hasPrefix("撤销")
                ? Int(task.key.dropFirst(2).prefix { $0.isNumber }) ?? 1 : 1
            revisions = revisions.filter(\.$number < number)
        }
        if let revision = try await revisions.sort(\.$number, .descending).first() {
            return (revision.fileName, revision.text)
        }
        return try await PlanSource.query(on: database).filter(\.$plan.$id == planID).first()
            .map { ($0.fileName, $0.text) }
    }

    /// The headings above a task, outermost first, from the plan's sections (one query; plans have few).
    static func sectionPath(from sectionID: UUID?, planID: UUID, on database: any Database) async throws -> [LinkItem] {
        guard sectionID != nil else { return [] }
        let sections = try await PlanOutline.Section.load(planID: planID, on: database)
        let byID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var path: [LinkItem] = []
        var current = sectionID
        while let id = current, let section = byID[id], path.count < byID.count {
            let anchor = PlanPageQuery.anchor(for: id)
            path.insert(
                LinkItem(label: section.title, href: SiteURL.planSection(plan: planID, anchor: anchor).path), at: 0)
            current = section.parentID
        }
        return path
    }

    /// The task's units grouped by role in the order of responsibility; roles without units are left out.
    static func roles(taskID: UUID, on database: any Database) async throws -> [TaskDetail.RoleUnits] {
        let assignments = try await TaskAssignment.query(on: database).filter(\.$task.$id == taskID).with(\.$unit)
            .sort(\.$position).all()
        return try AssignmentRole.allCases.compactMap { role in
            let units = try assignments.filter { $0.role == role }
                .map { LinkItem(label: $0.unit.name, href: SiteURL.unit(try $0.unit.requireID()).path) }
            return units.isEmpty ? nil : TaskDetail.RoleUnits(role: role.rawValue, label: role.label, units: units)
        }
    }

    /// The task's leaders in printed order.
    static func leaders(taskID: UUID, on database: any Database) async throws -> [TaskDetail.LeaderLink] {
        try await TaskLeader.query(on: database).filter(\.$task.$id == taskID).with(\.$leader).sort(\.$position).all()
            .map { link in
                TaskDetail.LeaderLink(
                    name: link.leader.name, title: link.leader.title,
                    href: SiteURL.leader(try link.leader.requireID()).path)
            }
    }

    /// The numbered lines around `line` (1-based), split exactly as the parser split the text so the numbers
    /// agree with the ones it reported. Splitting stops after the last line shown.
    static func excerpt(of text: String, around line: Int) -> [TaskDetail.SourceExcerpt.Line] {
        guard !text.isEmpty, line >= 1 else { return [] }
        let first = max(1, line - linesBefore)
        let last = line + linesAfter
        let pieces = text.split(separator: "\n", maxSplits: last, omittingEmptySubsequences: false)
        guard pieces.count >= line else { return [] }
        return (first...min(last, pieces.count)).map { number in
            let raw = pieces[number - 1]
            let text = raw.hasSuffix("\r") ? raw.dropLast() : raw
            return TaskDetail.SourceExcerpt.Line(number: number, text: String(text), isTask: number == line)
        }
    }
}
